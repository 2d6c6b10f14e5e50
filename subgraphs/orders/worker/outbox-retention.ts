import type { Logger } from '#lib/logger';
import type { PrismaClient } from '../generated/prisma/client.ts';

/**
 * Deletes up to `batchSize` events published more than `retentionHours` ago, in one short
 * statement, and returns how many it deleted. The rows are claimed with FOR UPDATE SKIP LOCKED,
 * so the pruners of several orders-worker replicas take disjoint batches and never wait on each
 * other; unpublished rows (the relay's) are never touched. The age is measured with the
 * database's clock, the one the relay stamped `publishedAt` with.
 */
export async function pruneOutboxBatch(prisma: PrismaClient, retentionHours: number, batchSize: number) {
  return prisma.$executeRaw`
    DELETE FROM "OutboxEvent" WHERE "id" IN (
      SELECT "id" FROM "OutboxEvent"
      WHERE "publishedAt" < now() - make_interval(hours => ${retentionHours}::int)
      ORDER BY "publishedAt" LIMIT ${batchSize}::int
      FOR UPDATE SKIP LOCKED)`;
}

/**
 * Prunes batch after batch until one comes back short, so a backlog (the first run after an
 * upgrade, a worker that was down for days) is cleared in one go without one huge transaction.
 */
export async function pruneOutbox(prisma: PrismaClient, retentionHours: number, batchSize: number) {
  let deleted = 0;
  let batches = 0;
  for (;;) {
    const count = await pruneOutboxBatch(prisma, retentionHours, batchSize);
    deleted += count;
    batches += 1;
    if (count < batchSize) return { deleted, batches };
  }
}

export interface OutboxPrunerOptions {
  prisma: PrismaClient;
  logger: Logger;
  /** Published events are kept this long, for looking back at what was sent when. */
  retentionHours: number;
  batchSize: number;
  /** Pause between pruning runs; the first runs at start. */
  intervalMs: number;
}

/**
 * Keeps the outbox table from growing without bound: runs `pruneOutbox` at start and every
 * `intervalMs`. A failed run (the database away) is logged and tried again at the next interval;
 * nothing is lost by waiting, the rows only stay a little longer.
 */
export function startOutboxPruner(options: OutboxPrunerOptions) {
  const { prisma, logger, retentionHours, batchSize } = options;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;
  const run = async () => {
    try {
      const { deleted, batches } = await pruneOutbox(prisma, retentionHours, batchSize);
      if (deleted) logger.info({ deleted, batches, retentionHours }, 'pruned published outbox events');
    } catch (error) {
      logger.warn({ err: error }, 'outbox pruning failed; will try again');
    }
  };
  const schedule = () => {
    running = run().then(() => {
      if (!stopped) timer = setTimeout(schedule, options.intervalMs);
    });
  };
  schedule();
  return {
    /** Waits for a run in progress, then stops. */
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
