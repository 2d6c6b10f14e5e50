import type { JobsOptions } from 'bullmq';
import type { QueueSettings } from './queue-config.ts';

/** Completed jobs are kept a day: while a job id exists, adding it again is a no-op (dedup). */
const KEEP_COMPLETED = { age: 24 * 3600, count: 100_000 };

/**
 * Retry defaults for every job: exponential backoff with jitter, so a provider outage does not
 * get retried by every worker in step. Failed jobs are never removed: the failed set is the
 * dead-letter state an admin looks at and retries from.
 */
export const defaultJobOptions = ({ attempts, backoffMs }: QueueSettings): JobsOptions => ({
  attempts,
  backoff: { type: 'exponential', delay: backoffMs, jitter: 0.5 },
  removeOnComplete: KEEP_COMPLETED,
  removeOnFail: false,
});
