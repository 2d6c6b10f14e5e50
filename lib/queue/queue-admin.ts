import type { Job, Queue } from 'bullmq';
import type { Logger } from '../logger.ts';
import { createProducer } from './create-producer.ts';
import type { QueueSettings } from './queue-config.ts';
import { ALL_QUEUES, type QueueName } from './queue-names.ts';

export interface QueueCounts {
  queue: QueueName;
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  completed: number;
}

export interface DeadLetterJob {
  queue: QueueName;
  id: string;
  name: string;
  attemptsMade: number;
  failedReason: string;
  failedAt: Date | null;
  data: unknown;
}

/** What operators need of the queues: counts, the dead-lettered jobs, and a retry. */
export interface QueueAdmin {
  health(): Promise<QueueCounts[]>;
  deadLetterJobs(queue: QueueName, limit: number): Promise<DeadLetterJob[]>;
  /** Moves a failed job back to waiting with fresh attempts; null when no such failed job exists. */
  retry(queue: QueueName, jobId: string): Promise<DeadLetterJob | null>;
  /** The queues themselves, for a dashboard. */
  readonly queues: readonly Queue[];
  close(): Promise<void>;
}

const toDeadLetter = (queue: QueueName, job: Job): DeadLetterJob => ({
  queue,
  id: String(job.id),
  name: job.name,
  attemptsMade: job.attemptsMade,
  failedReason: job.failedReason,
  failedAt: job.finishedOn ? new Date(job.finishedOn) : null,
  data: job.data,
});

export function createQueueAdmin(settings: QueueSettings, logger: Logger): QueueAdmin {
  const producers = ALL_QUEUES.map((name) => createProducer(name, settings, logger));
  const queueOf = (name: QueueName) => producers[ALL_QUEUES.indexOf(name)]!.queue;
  return {
    queues: producers.map((producer) => producer.queue),
    health: () =>
      Promise.all(
        ALL_QUEUES.map(async (queue) => {
          const counts = await queueOf(queue).getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed');
          return {
            queue,
            waiting: counts['waiting'] ?? 0,
            active: counts['active'] ?? 0,
            delayed: counts['delayed'] ?? 0,
            failed: counts['failed'] ?? 0,
            completed: counts['completed'] ?? 0,
          };
        }),
      ),
    async deadLetterJobs(queue, limit) {
      const jobs = await queueOf(queue).getFailed(0, limit - 1);
      return jobs.map((job) => toDeadLetter(queue, job as Job));
    },
    async retry(queue, jobId) {
      const job = await queueOf(queue).getJob(jobId);
      if (!job || !(await job.isFailed())) return null;
      const snapshot = toDeadLetter(queue, job);
      await job.retry('failed', { resetAttemptsMade: true });
      return snapshot;
    },
    async close() {
      await Promise.all(producers.map((producer) => producer.close()));
    },
  };
}
