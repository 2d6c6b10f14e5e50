import { hostname } from 'node:os';
import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import { ZodError } from 'zod';
import type { Registry } from 'prom-client';
import { createJobMetrics, observeQueueDepth } from '../metrics/queue-metrics.ts';
import { processInTraceContext } from '../tracing/job-context.ts';
import type { Logger } from '../logger.ts';
import type { QueueSettings } from './queue-config.ts';
import type { JobDataOf, JobNameOf } from './queue-jobs.ts';
import type { QueueName } from './queue-names.ts';
import { createRedisConnection } from './redis-connection.ts';

/**
 * One process among the replicas of a worker: `<name>@<host>:<pid>`. In Kubernetes the host is the
 * pod's name; on one machine the pid tells replicas apart.
 */
export const workerIdentity = (name: string) => `${name}@${hostname()}:${process.pid}`;

/** One processor per job type of the queue; each must be safe to run again for the same job. */
export type Processors<Q extends QueueName> = {
  [N in JobNameOf<Q>]: (data: JobDataOf<Q, N>, job: Job) => Promise<void>;
};

export interface StartWorkerOptions<Q extends QueueName> {
  queue: Q;
  /**
   * Who takes the jobs, recorded on each one as BullMQ's `processedBy`: which process ran a job,
   * or took it over from one that stopped (see `workerIdentity`).
   */
  name?: string;
  settings: QueueSettings;
  concurrency: number;
  logger: Logger;
  processors: Processors<Q>;
  /** At most `max` jobs per `duration` ms across every worker of the queue (BullMQ's limiter). */
  limiter?: { max: number; duration: number };
  /**
   * The process's registry: when given, it gets job durations and failures per job type, and the
   * depth of the consumed queue per state (every worker of a queue reports the same depth).
   */
  metrics?: Registry;
}

export interface RunningWorker {
  worker: Worker;
  /** Stops taking jobs and resolves once the jobs in flight have finished (graceful shutdown). */
  close(): Promise<void>;
}

/**
 * Consumes one queue with the shared conventions: dispatch by job name, a log line per failure
 * with the job id and attempt, invalid payloads (a ZodError) failed without retries, stalled-job detection tuned by `lockMs` (so a crashed worker's
 * job is taken over), and a close that waits for in-flight jobs.
 */
export function startWorker<Q extends QueueName>(options: StartWorkerOptions<Q>): RunningWorker {
  const { queue, settings, logger, processors } = options;
  const connection = createRedisConnection(settings.redisUrl, logger);
  const jobMetrics = options.metrics ? createJobMetrics(options.metrics) : undefined;
  // Only read from, for the depth gauge: a Worker cannot count its queue's jobs.
  const counted = options.metrics ? new Queue(queue, { connection, prefix: settings.prefix }) : undefined;
  if (options.metrics && counted) observeQueueDepth(options.metrics, [counted]);
  // Without a listener BullMQ prints each connection error raw on stderr while Redis is away.
  counted?.on('error', (error) => logger.debug({ queue, err: error }, 'queue error'));
  const worker = new Worker(
    queue,
    async (job: Job) => {
      const processor = processors[job.name as JobNameOf<Q>] as
        ((data: unknown, job: Job) => Promise<void>) | undefined;
      if (!processor) throw new UnrecoverableError(`no processor for job ${job.name} on ${queue}`);
      logger.debug({ queue, jobId: job.id, job: job.name, attempt: job.attemptsMade + 1 }, 'job started');
      const run = () => processor(job.data, job);
      try {
        // Each attempt continues the trace the job carries, and is timed per job type.
        await processInTraceContext(job, () => (jobMetrics ? jobMetrics.measure(job, run) : run()));
      } catch (error) {
        // A payload that does not fit its schema will not fit it on the next attempt either.
        if (error instanceof ZodError) throw new UnrecoverableError(`invalid job data: ${error.message}`);
        throw error;
      }
    },
    {
      connection,
      prefix: settings.prefix,
      ...(options.name ? { name: options.name } : {}),
      concurrency: options.concurrency,
      lockDuration: settings.lockMs,
      stalledInterval: settings.lockMs,
      ...(options.limiter ? { limiter: options.limiter } : {}),
    },
  );
  worker.on('failed', (job, error) => {
    const final = !job || job.attemptsMade >= (job.opts.attempts ?? 1) || error instanceof UnrecoverableError;
    logger[final ? 'error' : 'warn'](
      { queue, jobId: job?.id, job: job?.name, attemptsMade: job?.attemptsMade, err: error },
      final ? 'job failed for good (dead-lettered)' : 'job failed; will retry',
    );
  });
  worker.on('stalled', (jobId) => logger.warn({ queue, jobId }, 'job stalled; handed to another worker'));
  worker.on('error', (error) => logger.debug({ queue, err: error }, 'worker error'));
  logger.info({ queue, concurrency: options.concurrency }, 'worker started');
  return {
    worker,
    async close() {
      await worker.close();
      await counted?.close();
      connection.disconnect();
    },
  };
}
