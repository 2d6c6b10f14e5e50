import { Queue } from 'bullmq';
import { withTraceContext, type Traced } from '../tracing/job-context.ts';
import type { Logger } from '../logger.ts';
import { defaultJobOptions } from './job-options.ts';
import type { QueueSettings } from './queue-config.ts';
import type { JobDataOf, JobNameOf } from './queue-jobs.ts';
import type { QueueName } from './queue-names.ts';
import { createRedisConnection } from './redis-connection.ts';

/** Adds typed jobs to one queue. */
export interface Producer<Q extends QueueName> {
  readonly queue: Queue;
  /**
   * Adds a job under a deterministic id: adding the same id again while the job exists does
   * nothing, which is how a repeated step (a retried or redelivered job) does not repeat its effects.
   */
  add<N extends JobNameOf<Q>>(name: N, data: JobDataOf<Q, N>, jobId: string): Promise<void>;
  /**
   * Adds several jobs in one Redis transaction (one round trip): all of them or, when Redis cannot
   * be reached, none. Each job's data is taken as it is, so data that carries its own trace
   * context (an outbox event's) keeps it.
   */
  addBulk<N extends JobNameOf<Q>>(jobs: readonly BulkJob<Q, N>[]): Promise<void>;
  close(): Promise<void>;
}

/** One job of `addBulk`, under its deterministic id. */
export interface BulkJob<Q extends QueueName, N extends JobNameOf<Q>> {
  name: N;
  data: Traced<JobDataOf<Q, N>>;
  jobId: string;
}

/** A producer for `name` with the shared retry defaults; it fails fast while Redis is down. */
export function createProducer<Q extends QueueName>(name: Q, settings: QueueSettings, logger: Logger): Producer<Q> {
  const connection = createRedisConnection(settings.redisUrl, logger, { failFast: true });
  const queue = new Queue(name, {
    connection,
    prefix: settings.prefix,
    defaultJobOptions: defaultJobOptions(settings),
  });
  queue.on('error', (error) => logger.debug({ err: error, queue: name }, 'queue error'));
  return {
    queue,
    async add(jobName, data, jobId) {
      // The job carries the trace of the request or job that added it (see lib/tracing/job-context.ts).
      await queue.add(jobName, withTraceContext(data), { jobId });
    },
    async addBulk(jobs) {
      if (!jobs.length) return;
      await queue.addBulk(jobs.map(({ name: jobName, data, jobId }) => ({ name: jobName, data, opts: { jobId } })));
    },
    async close() {
      await queue.close();
      connection.disconnect();
    },
  };
}
