import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropDatabase, ensureDatabase, withDatabaseName } from '#system/databases';
import { createLogger } from '#lib/logger';
import { createPool, createPrismaClient, sqlOf } from '#lib/prisma';
import { withDeadlineFrom } from '#lib/resilience/deadline';
import { queryDatabase } from '#testing/databases';
import { TEST_SERVER_URL } from '#system/template-databases';
import { PrismaClient } from '#subgraphs/accounts/generated/prisma/client';

describe('createPool', () => {
  const url = withDatabaseName(TEST_SERVER_URL, `test_pool_${randomUUID().slice(0, 8)}`);
  beforeAll(() => ensureDatabase(url));
  afterAll(() => dropDatabase(url));

  it('survives the server ending a connection that is checked out and idle', async () => {
    const lines: string[] = [];
    const logger = createLogger({
      name: 'test',
      level: 'warn',
      destination: { write: (line: string) => lines.push(line) },
    });
    const pool = createPool({ url, poolSize: 2 }, logger);
    const client = await pool.connect();
    const [{ pid }] = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows as [{ pid: number }];
    await queryDatabase(TEST_SERVER_URL, 'SELECT pg_terminate_backend($1)', [pid]);
    await sleep(300);
    // Without a listener of its own the connection's 'error' event would have been unhandled.
    expect(lines.some((line) => line.includes('database connection lost'))).toBe(true);
    await expect(client.query('SELECT 1')).rejects.toThrow(/not queryable|terminat/);
    client.release();
    expect((await pool.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    await pool.end();
  });

  describe('a Prisma client on it', () => {
    const lines: string[] = [];
    const logger = createLogger({
      name: 'test',
      level: 'warn',
      destination: { write: (line: string) => lines.push(line) },
    });
    let prisma: PrismaClient;
    beforeAll(async () => {
      prisma = createPrismaClient(PrismaClient, { url, poolSize: 3, statementTimeoutMs: 1_000 }, { logger });
      await prisma.$executeRaw`CREATE TABLE writes (n int)`;
    });
    afterAll(() => prisma.$disconnect());
    const terminate = (pid: number) => queryDatabase(TEST_SERVER_URL, 'SELECT pg_terminate_backend($1)', [pid]);
    /** Ends the connection running a statement that starts with `prefix`, once it runs. */
    const terminateRunning = async (prefix: string) => {
      for (let tries = 0; tries < 50; tries += 1) {
        const [running] = await queryDatabase<{ pid: number }>(
          TEST_SERVER_URL,
          `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND state = 'active' AND starts_with(query, $2)`,
          [new URL(url).pathname.slice(1), prefix],
        );
        if (running) return terminate(running.pid);
        await sleep(10);
      }
      throw new Error(`no statement ${prefix} ran`);
    };

    it('repeats on another connection a read whose connection the server ended under it', async () => {
      // Prisma's queries are lazy: then() sends this one now.
      const read = prisma.$queryRaw<{ three: number }[]>`SELECT pg_sleep(0.5)::text AS slept, 3 AS three`.then(
        (rows) => rows,
      );
      await terminateRunning('SELECT pg_sleep(0.5)');
      expect(await read).toEqual([{ slept: '', three: 3 }]);
      expect(lines.some((line) => line.includes('safe to repeat'))).toBe(true);
    });

    it('runs a transaction again when its connection was lost before COMMIT', async () => {
      let runs = 0;
      const result = await prisma.$transaction(async (tx) => {
        runs += 1;
        const [{ pid }] = (await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`) as [{ pid: number }];
        if (runs === 1) await terminate(pid);
        return tx.$queryRaw<{ two: number }[]>`SELECT 2 AS two`;
      });
      expect(runs).toBe(2);
      expect(result).toEqual([{ two: 2 }]);
    });

    it('runs a transaction again when its COMMIT could not be sent on a connection already dead', async () => {
      let runs = 0;
      await prisma.$transaction(async (tx) => {
        runs += 1;
        const [{ pid }] = (await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`) as [{ pid: number }];
        if (runs === 1) {
          await terminate(pid);
          // Long enough for the client to learn its connection is gone before COMMIT is due.
          await sleep(200);
        }
      });
      expect(runs).toBe(2);
    });

    it('runs a plain-SQL transaction with retryLostConnection again when its connection was lost before COMMIT', async () => {
      let runs = 0;
      const result = await sqlOf(prisma).transaction(
        async (query) => {
          runs += 1;
          const { rows } = await query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
          if (runs === 1) await terminate(rows[0]!.pid);
          return (await query<{ two: number }>('SELECT 2 AS two')).rows;
        },
        { retryLostConnection: true },
      );
      expect(runs).toBe(2);
      expect(result).toEqual([{ two: 2 }]);
    });

    it('runs a plain-SQL transaction once without retryLostConnection (a job is retried by its queue)', async () => {
      let runs = 0;
      const run = sqlOf(prisma).transaction(async (query) => {
        runs += 1;
        const { rows } = await query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
        await terminate(rows[0]!.pid);
        return query('SELECT 2 AS two');
      });
      await expect(run).rejects.toThrow();
      expect(runs).toBe(1);
    });

    it('reads timestamps in plain SQL as UTC, as Prisma does', async () => {
      const { rows } = await sqlOf(prisma).query<{ at: Date }>(`SELECT '2026-12-04 13:05:06.789'::timestamp(3) AS at`);
      expect(rows[0]!.at.toISOString()).toBe('2026-12-04T13:05:06.789Z');
    });

    it('does not repeat a lone write whose connection was lost: it may have committed', async () => {
      const write = prisma.$executeRaw`INSERT INTO writes SELECT 1 FROM pg_sleep(0.5)`.then(
        () => 'written',
        (error: unknown) => error,
      );
      await terminateRunning('INSERT INTO writes');
      expect(await write).toBeInstanceOf(Error);
      // Ended mid-statement, the write was rolled back, and not sent again.
      expect(await prisma.$queryRaw`SELECT count(*)::int AS n FROM writes`).toEqual([{ n: 0 }]);
    });

    it('stops a statement at the statement timeout', async () => {
      await expect(prisma.$queryRaw`SELECT pg_sleep(3)::text`).rejects.toThrow(/statement timeout/);
    });

    it('refuses to start statements and transactions once the request deadline has passed', async () => {
      const pastDeadline = (work: () => Promise<unknown>) =>
        withDeadlineFrom('1', async () => {
          await sleep(5);
          return work();
        });
      await expect(pastDeadline(() => prisma.$queryRaw`SELECT 1`)).rejects.toMatchObject({
        extensions: { code: 'DEADLINE_EXCEEDED' },
      });
      await expect(pastDeadline(() => prisma.$transaction(async (tx) => tx.$queryRaw`SELECT 1`))).rejects.toMatchObject(
        { extensions: { code: 'DEADLINE_EXCEEDED' } },
      );
      expect(await withDeadlineFrom('5000', () => prisma.$queryRaw`SELECT 1 AS one`)).toEqual([{ one: 1 }]);
    });
  });
});
