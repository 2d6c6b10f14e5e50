import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '#lib/logger';
import type { Producer } from '#lib/queue/create-producer';
import { JobName, type QueueName } from '#lib/queue/queue-names';
import type { PrismaClient } from '../generated/prisma/client.ts';

interface StockEventRow {
  id: bigint;
  productId: string;
  inStock: boolean;
  available: number;
  version: bigint;
}

/**
 * One round of inventory's availability outbox: claims up to `batchSize` events (FOR UPDATE SKIP
 * LOCKED, so several relays never take the same row), adds each to catalog's queue under a job
 * id made of product and version, and deletes the ones that reached the queue in the same
 * transaction. A crash between the add and the commit adds the same job id again, a no-op; an
 * event that is late or repeated anyway is ignored by the consumer's version check.
 */
export async function relayAvailabilityOnce(
  prisma: PrismaClient,
  catalog: Producer<typeof QueueName.CatalogAvailability>,
  batchSize: number,
) {
  return prisma.$transaction(
    async (tx) => {
      const rows = await tx.$queryRaw<StockEventRow[]>`
        SELECT "id", "productId", "inStock", "available", "version" FROM "StockOutboxEvent"
        ORDER BY "id" LIMIT ${batchSize} FOR UPDATE SKIP LOCKED`;
      const results = await Promise.allSettled(
        rows.map((row) =>
          catalog.add(
            JobName.StockAvailabilityChanged,
            { productId: row.productId, inStock: row.inStock, available: row.available, version: String(row.version) },
            `stock-${row.productId}-${row.version}`,
          ),
        ),
      );
      const published = rows.filter((_row, index) => results[index]!.status === 'fulfilled').map((row) => row.id);
      if (published.length) await tx.stockOutboxEvent.deleteMany({ where: { id: { in: published } } });
      const failed = results.find((result) => result.status === 'rejected');
      return { claimed: rows.length, failed: rows.length - published.length, firstError: failed?.reason as unknown };
    },
    { timeout: 30_000 },
  );
}

export interface AvailabilityRelayOptions {
  prisma: PrismaClient;
  catalog: Producer<typeof QueueName.CatalogAvailability>;
  logger: Logger;
  batchSize: number;
  /** Pause when there is nothing to publish: the most a change waits before it is on the queue. */
  idleMs: number;
  /** Longest pause between tries while the queue cannot be reached; doubles up to it. */
  maxBackoffMs: number;
}

/** Runs relay rounds until stopped: back to back while full batches come, `idleMs` apart when idle. */
export function startAvailabilityRelay(options: AvailabilityRelayOptions) {
  const { logger } = options;
  let stopped = false;
  let backoffMs = options.idleMs;
  const controller = new AbortController();
  const loop = (async () => {
    while (!stopped) {
      let pauseMs = options.idleMs;
      try {
        const round = await relayAvailabilityOnce(options.prisma, options.catalog, options.batchSize);
        if (round.failed) {
          logger.warn({ err: round.firstError, failed: round.failed }, 'stock events not published; will retry');
          backoffMs = Math.min(backoffMs * 2, options.maxBackoffMs);
          pauseMs = backoffMs;
        } else {
          backoffMs = options.idleMs;
          if (round.claimed === options.batchSize) pauseMs = 0;
        }
      } catch (error) {
        logger.warn({ err: error }, 'stock event relay round failed; will retry');
        pauseMs = options.maxBackoffMs;
      }
      if (pauseMs > 0) await sleep(pauseMs, undefined, { signal: controller.signal }).catch(() => undefined);
    }
  })();
  return {
    /** Finishes the round in progress, then stops. */
    async stop() {
      stopped = true;
      controller.abort();
      await loop;
    },
  };
}
