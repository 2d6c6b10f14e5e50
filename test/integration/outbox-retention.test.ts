import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { createLogger } from '#lib/logger';
import { createPrismaClient } from '#lib/prisma';
import { dropDatabase, ensureDatabase, withDatabaseName } from '#system/databases';
import { TEST_SERVER_URL } from '#system/template-databases';
import { PrismaClient } from '#subgraphs/orders/generated/prisma/client';
import { pruneOutbox, startOutboxPruner } from '#subgraphs/orders/worker/outbox-retention';
import { eventually } from '#testing/checkout';

/**
 * The orders worker's outbox pruning against a database of its own: only PostgreSQL is needed
 * (row ages are set in SQL, so nothing waits for a week to pass).
 */
let prisma: PrismaClient;
const databaseUrl = withDatabaseName(TEST_SERVER_URL, `test_${randomUUID().slice(0, 8)}_outbox`);
const RETENTION_HOURS = 168;
const quiet = createLogger({ name: 'outbox-retention-test', level: 'silent' });

/** Writes `count` events `ageHours` old, published at that age or (`published: false`) never. */
async function addEvents(count: number, ageHours: number, { published = true } = {}) {
  await prisma.$executeRaw`
    INSERT INTO "OutboxEvent" ("id", "aggregateId", "type", "payload", "createdAt", "publishedAt")
    SELECT gen_random_uuid(), gen_random_uuid(), 'OrderPlaced', '{}'::jsonb,
           now() - make_interval(hours => ${ageHours}::int),
           CASE WHEN ${published} THEN now() - make_interval(hours => ${ageHours}::int) END
    FROM generate_series(1, ${count}::int)`;
}
const remaining = async () => {
  const rows = await prisma.$queryRaw<{ published: boolean; old: boolean; count: number }[]>`
    SELECT "publishedAt" IS NOT NULL AS published,
           "createdAt" < now() - make_interval(hours => ${RETENTION_HOURS}::int) AS old,
           count(*)::int AS count
    FROM "OutboxEvent" GROUP BY 1, 2 ORDER BY 1, 2`;
  return rows;
};

beforeAll(async () => {
  await ensureDatabase(databaseUrl, inject('templateDatabases')['orders']);
  prisma = createPrismaClient(PrismaClient, { url: databaseUrl, poolSize: 4 });
});
beforeEach(async () => {
  await prisma.$executeRaw`DELETE FROM "OutboxEvent"`;
});
afterAll(async () => {
  await prisma?.$disconnect();
  await dropDatabase(databaseUrl);
});

describe('outbox retention', () => {
  it('deletes published events past the retention in batches, and nothing else', async () => {
    await addEvents(25, RETENTION_HOURS + 1);
    await addEvents(5, RETENTION_HOURS - 1);
    // Never published (Redis was away for longer than the retention): the relay still needs them.
    await addEvents(3, RETENTION_HOURS + 1, { published: false });

    expect(await pruneOutbox(prisma, RETENTION_HOURS, 10)).toEqual({ deleted: 25, batches: 3 });
    expect(await remaining()).toEqual([
      { published: false, old: true, count: 3 },
      { published: true, old: false, count: 5 },
    ]);
    expect(await pruneOutbox(prisma, RETENTION_HOURS, 10)).toEqual({ deleted: 0, batches: 1 });
  });

  it('skips rows another transaction holds instead of waiting for them', async () => {
    await addEvents(20, RETENTION_HOURS + 1);
    const other = new pg.Client({ connectionString: databaseUrl });
    await other.connect();
    try {
      await other.query('BEGIN');
      await other.query(`SELECT "id" FROM "OutboxEvent" ORDER BY "id" LIMIT 1 FOR UPDATE`);
      // Would hang (and the test time out) if pruning waited on the lock.
      expect(await pruneOutbox(prisma, RETENTION_HOURS, 50)).toEqual({ deleted: 19, batches: 1 });
      await other.query('COMMIT');
    } finally {
      await other.end();
    }
    expect(await pruneOutbox(prisma, RETENTION_HOURS, 50)).toEqual({ deleted: 1, batches: 1 });
  });

  it('lets the pruners of several replicas run at once, deleting each row once', async () => {
    await addEvents(3_000, RETENTION_HOURS + 24);
    await addEvents(10, 1);
    const runs = await Promise.all([
      pruneOutbox(prisma, RETENTION_HOURS, 250),
      pruneOutbox(prisma, RETENTION_HOURS, 250),
      pruneOutbox(prisma, RETENTION_HOURS, 250),
    ]);
    expect(runs.reduce((sum, { deleted }) => sum + deleted, 0)).toBe(3_000);
    expect(await remaining()).toEqual([{ published: true, old: false, count: 10 }]);
  });

  it('prunes at start and again every interval until stopped', async () => {
    await addEvents(30, RETENTION_HOURS + 1);
    const pruner = startOutboxPruner({
      prisma,
      logger: quiet,
      retentionHours: RETENTION_HOURS,
      batchSize: 1_000,
      intervalMs: 100,
    });
    try {
      await eventually(async () => ((await remaining()).length === 0 ? true : undefined), 5_000, 'first run');
      await addEvents(7, RETENTION_HOURS + 1);
      await eventually(async () => ((await remaining()).length === 0 ? true : undefined), 5_000, 'next run');
    } finally {
      await pruner.stop();
    }
    await addEvents(2, RETENTION_HOURS + 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await remaining()).toEqual([{ published: true, old: true, count: 2 }]);
  });
});
