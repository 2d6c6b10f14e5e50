import type { Logger } from '#lib/logger';
import type { PrismaClient } from '../generated/prisma/client.ts';

export interface OutboxRow {
  id: string;
  type: string;
  payload: unknown;
}

/** Publishes a batch of events at once: every one reaches the queue, or the call throws. */
export type PublishOutboxEvents = (rows: readonly OutboxRow[]) => Promise<void>;

/**
 * Publishes a batch in one go (BullMQ's addBulk is one Redis transaction): returns the ids to
 * mark published, or none and why, leaving the whole batch for the next round.
 */
export async function publishBatch(rows: readonly OutboxRow[], publish: PublishOutboxEvents) {
  if (!rows.length) return { published: [], failed: 0, firstError: undefined };
  try {
    await publish(rows);
    return { published: rows.map((row) => row.id), failed: 0, firstError: undefined };
  } catch (error) {
    return { published: [], failed: rows.length, firstError: error as unknown };
  }
}

/**
 * One round of the transactional outbox relay: claims up to `batchSize` unpublished events with
 * FOR UPDATE SKIP LOCKED (several relays never claim the same row), publishes them under job ids
 * derived from the events, and marks them published in the same transaction. A crash after the
 * publish but before the commit publishes again later; the job ids make that a no-op while the
 * jobs are kept, and the checkout steps are idempotent beyond that.
 */
export async function relayOutboxOnce(prisma: PrismaClient, publish: PublishOutboxEvents, batchSize: number) {
  return prisma.$transaction(
    async (tx) => {
      const rows = await tx.$queryRaw<OutboxRow[]>`
        SELECT "id", "type", "payload" FROM "OutboxEvent"
        WHERE "publishedAt" IS NULL ORDER BY "id" LIMIT ${batchSize}
        FOR UPDATE SKIP LOCKED`;
      const outcome = await publishBatch(rows, publish);
      if (outcome.published.length) {
        await tx.$executeRaw`
          UPDATE "OutboxEvent" SET "publishedAt" = now() WHERE "id" = ANY(${outcome.published}::uuid[])`;
      }
      return { claimed: rows.length, ...outcome };
    },
    { timeout: 30_000 },
  );
}

export interface OutboxRelayOptions {
  prisma: PrismaClient;
  publish: PublishOutboxEvents;
  logger: Logger;
  batchSize: number;
  /** Pause between polls when there is nothing to publish and no notification comes. */
  idleMs: number;
  /** Longest pause between tries while publishing fails (Redis down); doubles up to it. */
  maxBackoffMs: number;
}

/**
 * Runs relay rounds until stopped: at once when `wake` is called (the database notified a new
 * event), back to back while full batches come, `idleMs` apart otherwise, and with doubling
 * pauses while the queue cannot be reached. Nothing is lost meanwhile: the events stay in the
 * database until a publish succeeds.
 */
export function startOutboxRelay(options: OutboxRelayOptions) {
  const { logger } = options;
  let stopped = false;
  let backoffMs = options.idleMs;
  let woken = false;
  let interruptPause: (() => void) | undefined;
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        interruptPause = undefined;
        resolve();
      }
      interruptPause = done;
    });
  const loop = (async () => {
    while (!stopped) {
      woken = false;
      let pauseMs = options.idleMs;
      let failing = false;
      try {
        const round = await relayOutboxOnce(options.prisma, options.publish, options.batchSize);
        if (round.failed) {
          logger.warn({ err: round.firstError, failed: round.failed }, 'outbox events not published; will retry');
          backoffMs = Math.min(backoffMs * 2, options.maxBackoffMs);
          pauseMs = backoffMs;
          failing = true;
        } else {
          backoffMs = options.idleMs;
          if (round.claimed === options.batchSize) pauseMs = 0;
        }
      } catch (error) {
        logger.warn({ err: error }, 'outbox relay round failed; will retry');
        backoffMs = options.maxBackoffMs;
        pauseMs = backoffMs;
        failing = true;
      }
      // A notification during the round means an event may have committed after its SELECT.
      if (woken && !failing) pauseMs = 0;
      if (pauseMs > 0 && !stopped) await pause(pauseMs);
    }
  })();
  return {
    /** Runs the next round now (or right after the one in progress); ignored while publishing fails. */
    wake() {
      woken = true;
      if (backoffMs === options.idleMs) interruptPause?.();
    },
    /** Finishes the round in progress, then stops. */
    async stop() {
      stopped = true;
      interruptPause?.();
      await loop;
    },
  };
}
