import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropDatabase, ensureDatabase, withDatabaseName } from '#system/databases';
import { createLogger } from '#lib/logger';
import { createPool } from '#lib/prisma';
import { queryDatabase } from '#system/testing/databases';
import { TEST_SERVER_URL } from '#system/template-databases';

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
});
