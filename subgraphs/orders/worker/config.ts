import { z } from 'zod';
import { parseEnv } from '#lib/config';
import { loadWorkerConfig } from '#lib/worker/worker-config';
import { subgraphEntry, workerEntry } from '#system/topology';

/** The orders worker's settings (saga and outbox relay), read once at start-up. */
export function loadOrdersWorkerConfig(env: Record<string, string | undefined>) {
  const own = parseEnv(
    z.object({
      OUTBOX_BATCH_SIZE: z.coerce.number().int().min(1).max(1_000).default(100),
      OUTBOX_POLL_INTERVAL_MS: z.coerce.number().int().min(10).max(60_000).default(1_000),
      OUTBOX_MAX_BACKOFF_MS: z.coerce.number().int().min(10).max(600_000).default(5_000),
      // Published events are kept a week for looking back, then deleted (see outbox-retention.ts).
      OUTBOX_RETENTION_HOURS: z.coerce
        .number()
        .int()
        .min(1)
        .max(365 * 24)
        .default(7 * 24),
      OUTBOX_PRUNE_BATCH_SIZE: z.coerce.number().int().min(1).max(100_000).default(1_000),
      OUTBOX_PRUNE_INTERVAL_MS: z.coerce.number().int().min(100).max(86_400_000).default(3_600_000),
    }),
    env,
  );
  return {
    ...loadWorkerConfig(subgraphEntry('orders'), workerEntry('orders'), env),
    outbox: {
      batchSize: own.OUTBOX_BATCH_SIZE,
      idleMs: own.OUTBOX_POLL_INTERVAL_MS,
      maxBackoffMs: own.OUTBOX_MAX_BACKOFF_MS,
    },
    outboxRetention: {
      retentionHours: own.OUTBOX_RETENTION_HOURS,
      batchSize: own.OUTBOX_PRUNE_BATCH_SIZE,
      intervalMs: own.OUTBOX_PRUNE_INTERVAL_MS,
    },
  };
}
