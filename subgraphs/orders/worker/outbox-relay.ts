import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '#lib/logger';
import type { PrismaClient } from '../generated/prisma/client.ts';

export interface OutboxRow {
  id: string;
  type: string;
  payload: unknown;
}

/**
 * Publishes a batch, each event independently: returns the ids that reached the queue (to mark
 * published) and how many did not (left unpublished for the next round).
 */
export async function publishBatch(rows: readonly OutboxRow[], publish: (row: OutboxRow) => Promise<void>) {
  const results = await Promise.allSettled(rows.map((row) => publish(row)));
  const published = rows.filter((_row, index) => results[index]!.status === 'fulfilled').map((row) => row.id);
  const firstError = results.find((result) => result.status === 'rejected')?.reason as unknown;
  return { published, failed: rows.length - published.length, firstError };
}

/**
 * One round of the transactional outbox relay: claims up to `batchSize` unpublished events with
 * FOR UPDATE SKIP LOCKED (several relays never claim the same row), publishes them under job ids
 * derived from the event id, and marks those published in the same transaction. A crash after the
 * publish but before the commit publishes again later; the job id makes that a no-op while the
 * job is kept, and the saga's steps are idempotent beyond that.
 */
export async function relayOutboxOnce(
  prisma: PrismaClient,
  publish: (row: OutboxRow) => Promise<void>,
  batchSize: number,
) {
  return prisma.$transaction(
    async (tx) => {
      const rows = await tx.$queryRaw<OutboxRow[]>`
        SELECT "id", "type", "payload" FROM "OutboxEvent"
        WHERE "publishedAt" IS NULL ORDER BY "id" LIMIT ${batchSize}
        FOR UPDATE SKIP LOCKED`;
      const outcome = await publishBatch(rows, publish);
      if (outcome.published.length) {
        await tx.outboxEvent.updateMany({
          where: { id: { in: outcome.published } },
          data: { publishedAt: new Date() },
        });
      }
      return { claimed: rows.length, ...outcome };
    },
    { timeout: 30_000 },
  );
}

export interface OutboxRelayOptions {
  prisma: PrismaClient;
  publish: (row: OutboxRow) => Promise<void>;
  logger: Logger;
  batchSize: number;
  /** Pause when there is nothing to publish. */
  idleMs: number;
  /** Longest pause between tries while publishing fails (Redis down); doubles up to it. */
  maxBackoffMs: number;
}

/**
 * Runs relay rounds until stopped: back to back while full batches come, `idleMs` apart when
 * idle, and with doubling pauses while the queue cannot be reached. Nothing is lost meanwhile:
 * the events stay in the database until a publish succeeds.
 */
export function startOutboxRelay(options: OutboxRelayOptions) {
  const { logger } = options;
  let stopped = false;
  let backoffMs = options.idleMs;
  const controller = new AbortController();
  const loop = (async () => {
    while (!stopped) {
      let pauseMs = options.idleMs;
      try {
        const round = await relayOutboxOnce(options.prisma, options.publish, options.batchSize);
        if (round.failed) {
          logger.warn({ err: round.firstError, failed: round.failed }, 'outbox events not published; will retry');
          backoffMs = Math.min(backoffMs * 2, options.maxBackoffMs);
          pauseMs = backoffMs;
        } else {
          backoffMs = options.idleMs;
          if (round.claimed === options.batchSize) pauseMs = 0;
        }
      } catch (error) {
        logger.warn({ err: error }, 'outbox relay round failed; will retry');
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
