import { z } from 'zod';
import { parseEnv } from '#lib/config';
import { loadWorkerConfig } from '#lib/worker/worker-config';
import { subgraphEntry, workerEntry } from '#system/topology';

/** The inventory worker's settings, read once at start-up. */
export function loadInventoryWorkerConfig(env: Record<string, string | undefined>) {
  const own = parseEnv(
    z.object({
      // Longer than a payment can take with its retries, so a hold does not expire under a checkout.
      RESERVATION_TTL_SECONDS: z.coerce
        .number()
        .int()
        .min(1)
        .max(7 * 24 * 3600)
        .default(15 * 60),
      RESERVATION_SWEEP_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
      STOCK_OUTBOX_POLL_INTERVAL_MS: z.coerce.number().int().min(10).max(60_000).default(200),
    }),
    env,
  );
  return {
    ...loadWorkerConfig(subgraphEntry('inventory'), workerEntry('inventory'), env),
    reservationTtlSeconds: own.RESERVATION_TTL_SECONDS,
    sweepIntervalMs: own.RESERVATION_SWEEP_INTERVAL_MS,
    /** Availability events for catalog (see availability-relay.ts). */
    stockOutbox: { batchSize: 100, idleMs: own.STOCK_OUTBOX_POLL_INTERVAL_MS, maxBackoffMs: 5_000 },
  };
}

export type InventoryWorkerConfig = ReturnType<typeof loadInventoryWorkerConfig>;
