import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** The job states whose counts make up a queue's depth; `completed` is left out, as it only grows. */
export const QUEUE_STATES = ['waiting', 'prioritized', 'waiting-children', 'delayed', 'active', 'failed'] as const;

/** What the depth gauge reads from a BullMQ `Queue`. */
export interface CountableQueue {
  name: string;
  getJobCounts(...states: string[]): Promise<Record<string, number>>;
}

/** What the job metrics read from a BullMQ `Job`. */
export interface MeasuredJob {
  name: string;
  queueName: string;
}

/**
 * Exposes the depth of each queue per job state as `bullmq_queue_jobs{queue,state}`, read from
 * Redis when Prometheus scrapes (one round trip per queue), so nothing polls between scrapes.
 * Call it once per process with the queues that process owns or watches.
 */
export function observeQueueDepth(registry: Registry, queues: readonly CountableQueue[]): void {
  new Gauge({
    name: 'bullmq_queue_jobs',
    help: 'Jobs in each queue, by state, when scraped.',
    labelNames: ['queue', 'state'],
    registers: [registry],
    async collect() {
      const counts = await Promise.all(queues.map((queue) => queue.getJobCounts(...QUEUE_STATES)));
      queues.forEach((queue, index) => {
        for (const state of QUEUE_STATES) this.set({ queue: queue.name, state }, counts[index]?.[state] ?? 0);
      });
    },
  });
}

export interface JobMetrics {
  /**
   * Runs one attempt of a job, timing it as `bullmq_job_duration_seconds{queue,job_name,outcome}`
   * and counting a thrown error in `bullmq_job_failures_total{queue,job_name}`; the result or the
   * error passes through unchanged, so BullMQ's retries behave as before.
   */
  measure<T>(job: MeasuredJob, work: () => Promise<T>): Promise<T>;
}

/** Job durations and failures per job type, for a worker process's registry. */
export function createJobMetrics(registry: Registry): JobMetrics {
  const duration = new Histogram({
    name: 'bullmq_job_duration_seconds',
    help: 'Time one attempt of a job took in its processor, by queue, job name and outcome.',
    labelNames: ['queue', 'job_name', 'outcome'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const failures = new Counter({
    name: 'bullmq_job_failures_total',
    help: 'Job attempts that threw, by queue and job name (each retry that fails counts).',
    labelNames: ['queue', 'job_name'],
    registers: [registry],
  });
  return {
    async measure(job, work) {
      const labels = { queue: job.queueName, job_name: job.name };
      const stopTimer = duration.startTimer(labels);
      try {
        const result = await work();
        stopTimer({ outcome: 'completed' });
        return result;
      } catch (error) {
        stopTimer({ outcome: 'failed' });
        failures.inc(labels);
        throw error;
      }
    },
  };
}
