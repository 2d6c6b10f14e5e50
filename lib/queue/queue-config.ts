import { z } from 'zod';
import { parseEnv } from '../config.ts';

/** How every process reaches the queues, read once at start-up. */
export interface QueueSettings {
  redisUrl: string;
  /** BullMQ key prefix: one Redis can hold several isolated systems (each test run uses its own). */
  prefix: string;
  /** Tries per job before it stays in the failed set (the dead-letter state). */
  attempts: number;
  /** First retry delay; each later one doubles (exponential backoff, with jitter). */
  backoffMs: number;
  /** How long a worker holds a job before another may take it over as stalled (a crashed worker's job). */
  lockMs: number;
}

export const queueEnvSchema = z.object({
  REDIS_URL: z
    .string()
    .default('redis://127.0.0.1:6379')
    .refine((value) => /^rediss?:\/\//.test(value), 'must be a redis:// URL'),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1 to 64 letters, digits, _ or -')
    .default('commerce'),
  QUEUE_JOB_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  QUEUE_BACKOFF_MS: z.coerce.number().int().min(10).max(600_000).default(1_000),
  QUEUE_LOCK_MS: z.coerce.number().int().min(1_000).max(600_000).default(30_000),
});

export function loadQueueSettings(env: Record<string, string | undefined>): QueueSettings {
  const parsed = parseEnv(queueEnvSchema, env);
  return {
    redisUrl: parsed.REDIS_URL,
    prefix: parsed.QUEUE_PREFIX,
    attempts: parsed.QUEUE_JOB_ATTEMPTS,
    backoffMs: parsed.QUEUE_BACKOFF_MS,
    lockMs: parsed.QUEUE_LOCK_MS,
  };
}
