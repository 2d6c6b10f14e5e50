import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { Logger } from './logger.ts';
import { retryOnLostConnections, retryTransactions, runAgainIfLostBeforeCommit } from './lost-connections.ts';

export interface DatabaseSettings {
  url: string;
  /** Connections this process may hold; the sum over all processes must stay below the server's max. */
  poolSize: number;
  /** The longest one statement may run (PostgreSQL's `statement_timeout`); unset, the server's (none). */
  statementTimeoutMs?: number;
  /** The longest one statement may wait for a lock (`lock_timeout`); unset, the server's (none). */
  lockTimeoutMs?: number;
}

interface QueryEvent {
  duration: number;
}

/** The part of every generated client this module uses; their `$on` typing depends on options. */
interface QueryEvents {
  $on(event: 'query', listener: (event: QueryEvent) => void): void;
}

export type ClientConstructor<TClient> = new (options: {
  adapter: PrismaPg;
  log: { emit: 'event'; level: 'query' }[];
}) => TClient;

/**
 * Builds a subgraph's generated PrismaClient on the Rust-free driver adapter (no native query
 * engine needed), with its own pg pool so the pool and every SQL statement show up in the metrics.
 */
export function createPrismaClient<TClient>(
  Client: ClientConstructor<TClient>,
  settings: DatabaseSettings,
  { metrics, logger }: { metrics?: Registry; logger?: Logger } = {},
): TClient {
  const pool = createPool(settings, logger);
  const adapter = new PrismaPg(pool, {
    disposeExternalPool: true,
    // pg drops a broken idle connection and opens a new one on the next query; an unhandled
    // 'error' event would instead crash the process when the database restarts.
    onPoolError: (error) => logger?.warn({ err: error }, 'idle database connection lost'),
  });
  const client = new Client({ adapter, log: [{ emit: 'event', level: 'query' }] });
  retryTransactions(client as Parameters<typeof retryTransactions>[0], logger);
  const record = metrics ? observeDatabase(client as QueryEvents, pool, metrics) : undefined;
  rawSql.set(client as object, createSql(pool, record, logger));
  return client;
}

/** A statement's rows, as pg answers them. */
export type SqlQuery = <R extends pg.QueryResultRow = pg.QueryResultRow>(
  text: string,
  values?: readonly unknown[],
) => Promise<pg.QueryResult<R>>;

/**
 * Plain SQL on the pool under a Prisma client, for hot paths where Prisma's query layer costs
 * more than the statement (the checkout workers). Statements are counted in the same metrics as
 * Prisma's (`db_statements_total`, BEGIN and COMMIT included), so per-order counts stay comparable.
 */
export interface Sql {
  /** One statement on its own (autocommit). */
  query: SqlQuery;
  /**
   * BEGIN, `work`, COMMIT on one connection; a throw rolls back and is rethrown. By default no
   * retry: the callers are queue jobs, which BullMQ runs again after a failure. With
   * `retryLostConnection` (requests, which have no such retry) the whole transaction runs once
   * more when its connection was lost before COMMIT was sent, as Prisma's `$transaction` does here
   * (lost-connections.ts): `work` may then run twice and must do only database work.
   */
  transaction<T>(work: (query: SqlQuery) => Promise<T>, options?: { retryLostConnection?: boolean }): Promise<T>;
}

const rawSql = new WeakMap<object, Sql>();

/** The `Sql` of a client made by `createPrismaClient`. */
export function sqlOf(client: object): Sql {
  const sql = rawSql.get(client);
  if (!sql) throw new Error('not a client made by createPrismaClient');
  return sql;
}

// Prisma writes DateTime columns (timestamp without time zone) in UTC and reads them back as
// UTC; pg's default parser would read them in the process's time zone.
const TIMESTAMP_OID = 1114;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === TIMESTAMP_OID && format !== 'binary'
      ? (value: string) => new Date(`${value.replace(' ', 'T')}Z`)
      : pg.types.getTypeParser(oid, format as 'text')) as pg.CustomTypesConfig['getTypeParser'],
};

function createSql(pool: pg.Pool, record?: (durationMs: number) => void, logger?: Logger): Sql {
  const timed = async <R extends pg.QueryResultRow>(
    run: (config: pg.QueryConfig) => Promise<pg.QueryResult<R>>,
    text: string,
    values?: readonly unknown[],
  ) => {
    const start = performance.now();
    try {
      return await run({ text, ...(values ? { values: values as unknown[] } : {}), types });
    } finally {
      record?.(performance.now() - start);
    }
  };
  const transaction: Sql['transaction'] = async (work) => {
    const client = await pool.connect();
    const query: SqlQuery = (text, values) => timed((config) => client.query(config), text, values);
    let broken: unknown;
    try {
      await query('BEGIN');
      const result = await work(query);
      await query('COMMIT');
      return result;
    } catch (error) {
      await query('ROLLBACK').catch((rollbackError: unknown) => {
        broken = rollbackError;
      });
      throw error;
    } finally {
      // A connection that could not even roll back is not given to the next caller.
      client.release(broken instanceof Error ? broken : undefined);
    }
  };
  return {
    query: (text, values) => timed((config) => pool.query(config), text, values),
    transaction: (work, options) =>
      options?.retryLostConnection ? runAgainIfLostBeforeCommit(() => transaction(work), logger) : transaction(work),
  };
}

/**
 * The pg pool under a Prisma client. A bounded wait for a connection turns a dead or saturated
 * database into a prompt, retryable error (SERVICE_UNAVAILABLE) instead of requests that hang.
 * Every connection gets an 'error' listener of its own: pg-pool listens only while a connection
 * is idle and the adapter only inside a transaction, so the server ending a connection that is
 * checked out between statements emitted an unhandled 'error' and crashed the process (seen with
 * `npm run chaos`). The statement in flight or the next one still fails (SERVICE_UNAVAILABLE) and
 * the pool discards the connection when it comes back; a statement or transaction that is safe to
 * repeat is repeated once on another connection (see lost-connections.ts). Statement and lock
 * timeouts bound what one statement may cost; work past the request's deadline is refused.
 */
export function createPool(
  { url, poolSize, statementTimeoutMs, lockTimeoutMs }: DatabaseSettings,
  logger?: Logger,
): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: 5_000,
    // Sent with the connection's start-up packet: no extra round trip per statement.
    ...(statementTimeoutMs ? { statement_timeout: statementTimeoutMs } : {}),
    ...(lockTimeoutMs ? { lock_timeout: lockTimeoutMs } : {}),
  });
  pool.on('connect', (client) => {
    client.on('error', (error) => logger?.warn({ err: error }, 'database connection lost'));
  });
  retryOnLostConnections(pool, logger);
  return pool;
}

function observeDatabase(client: QueryEvents, pool: pg.Pool, registry: Registry): (durationMs: number) => void {
  const statements = new Counter({
    name: 'db_statements_total',
    help: 'SQL statements sent to this process’s database.',
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'db_statement_duration_seconds',
    help: 'Time the database took to answer one SQL statement.',
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    registers: [registry],
  });
  const record = (durationMs: number) => {
    statements.inc();
    duration.observe(durationMs / 1000);
  };
  client.$on('query', (event) => record(event.duration));
  new Gauge({
    name: 'db_pool_connections',
    help: 'Connections in this process’s database pool, by state.',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      this.set({ state: 'total' }, pool.totalCount);
      this.set({ state: 'idle' }, pool.idleCount);
      this.set({ state: 'waiting' }, pool.waitingCount);
    },
  });
  return record;
}
