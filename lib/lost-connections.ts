import { AsyncLocalStorage } from 'node:async_hooks';
import type pg from 'pg';
import type { Logger } from './logger.ts';
import { remainingMs, throwIfPastDeadline } from './resilience/deadline.ts';

/**
 * Errors of a connection the server ended (`pg_terminate_backend`, a restart, a failover: 57P01
 * to 57P03) or that broke under the statement. Such a statement did not run to completion.
 */
const LOST_CODES = new Set(['57P01', '57P02', '57P03']);
const LOST_MESSAGE = /Connection terminated|not queryable|ECONNRESET|EPIPE/i;
// pg's answer to a statement on a connection that had already failed: it was never sent.
const NOT_SENT_MESSAGE = /not queryable/i;

const codeOf = (error: unknown) =>
  typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;

export const isConnectionLost = (error: unknown): boolean =>
  LOST_CODES.has(codeOf(error) ?? '') || (error instanceof Error && LOST_MESSAGE.test(error.message));

// A statement that only reads may run again; a lone write may only if it was never sent, as the
// server may have committed it before the connection went.
const isRead = (text: string) => /^\s*SELECT\b/i.test(text) && !/\bFOR\s+(UPDATE|SHARE|NO KEY|KEY)\b/i.test(text);
const isCommit = (text: string) => /^\s*COMMIT\b/i.test(text);

/** What a transaction under way has seen: whether COMMIT left, and whether its connection was lost before. */
interface TransactionState {
  commitSent: boolean;
  lostBeforeCommit: boolean;
}
const transactions = new AsyncLocalStorage<TransactionState>();

/** Lets pending socket events run, so connections the server ended leave the pool before the next try. */
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

type QueryConfig = { text: string } & Record<string, unknown>;
type QueryText = (config: QueryConfig | string, ...rest: unknown[]) => Promise<pg.QueryResult>;

const textOf = (config: unknown) =>
  typeof config === 'string'
    ? config
    : typeof config === 'object' && config !== null && 'text' in config
      ? String(config.text)
      : '';

/**
 * Makes a pool refuse work past the request's deadline and survive connections the server ends:
 *
 * - a statement sent alone (`pool.query`, as Prisma sends everything outside a transaction) that
 *   lost its connection is sent once more on another connection when that is safe: it only
 *   reads, or it never left (the connection had failed before);
 * - a statement inside a transaction records, for `retryTransactions`, that the connection was
 *   lost before COMMIT was sent, so the whole transaction may run again (it was rolled back).
 *
 * The pool drops a connection that failed as it comes back, so the second try takes another one.
 * Only the promise forms Prisma's adapter uses are changed; callback forms pass through.
 */
export function retryOnLostConnections(pool: pg.Pool, logger?: Logger): void {
  const query = pool.query.bind(pool) as unknown as QueryText;
  const connect = pool.connect.bind(pool) as unknown as (...args: unknown[]) => Promise<pg.PoolClient> | undefined;
  const watched = new WeakSet<pg.PoolClient>();

  pool.query = (async (config: QueryConfig | string, ...rest: unknown[]) => {
    if (rest.some((arg) => typeof arg === 'function')) return query(config, ...rest);
    throwIfPastDeadline();
    try {
      return await query(config, ...rest);
    } catch (error) {
      const text = textOf(config);
      const safe = isRead(text) || (error instanceof Error && NOT_SENT_MESSAGE.test(error.message));
      if (!isConnectionLost(error) || !safe || remainingMs() <= 0) throw error;
      logger?.warn({ err: error }, 'database connection lost under a statement that is safe to repeat; repeating it');
      await nextTurn();
      return query(config, ...rest);
    }
  }) as unknown as typeof pool.query;

  pool.connect = ((...args: unknown[]) => {
    // pg-pool's own `query` checks connections out with a callback: leave that path alone.
    if (args.length) return connect(...args);
    return (async () => {
      throwIfPastDeadline();
      const client = (await connect())!;
      if (!watched.has(client)) {
        watched.add(client);
        const clientQuery = client.query.bind(client) as unknown as (...args: unknown[]) => unknown;
        client.query = ((...queryArgs: unknown[]) => {
          const state = transactions.getStore();
          const commit = state !== undefined && isCommit(textOf(queryArgs[0]));
          if (commit) state.commitSent = true;
          const result = clientQuery(...queryArgs);
          if (state && result instanceof Promise) {
            result.catch((error: unknown) => {
              if (!isConnectionLost(error)) return;
              // A COMMIT refused by a connection already known to be dead never left: nothing committed.
              if (commit && error instanceof Error && NOT_SENT_MESSAGE.test(error.message)) state.commitSent = false;
              if (!state.commitSent) state.lostBeforeCommit = true;
            });
          }
          return result;
        }) as typeof client.query;
      }
      return client;
    })();
  }) as typeof pool.connect;
}

interface Transactional {
  $transaction: (...args: never[]) => Promise<unknown>;
}

/**
 * Runs an interactive transaction (`$transaction(async (tx) => ...)`) once more when its connection
 * was lost before COMMIT was sent: the server rolled it back, so running it again is what a
 * caller's retry would do, without failing the request. A COMMIT that never left (its connection
 * was already dead) counts as lost before it; a loss during COMMIT leaves the outcome unknown and
 * is not retried; nor is the batch form, whose queries cannot be sent twice. So a
 * transaction's callback may run twice: it must do only database work, or work that is safe to
 * repeat as a job retry would repeat it.
 */
export function retryTransactions<TClient extends Transactional>(client: TClient, logger?: Logger): void {
  const transaction = client.$transaction.bind(client) as (...args: unknown[]) => Promise<unknown>;
  client.$transaction = (async (...args: unknown[]) => {
    if (typeof args[0] !== 'function') return transaction(...args);
    return runAgainIfLostBeforeCommit(() => transaction(...args), logger);
  }) as TClient['$transaction'];
}

/**
 * Runs `transaction` (one transaction on a connection of a pool that `retryOnLostConnections`
 * watches) once more when its connection was lost before COMMIT was sent, with the same rules as
 * `retryTransactions`: so `transaction` may run twice and must do only database work, or work
 * that is safe to repeat.
 */
export async function runAgainIfLostBeforeCommit<T>(transaction: () => Promise<T>, logger?: Logger): Promise<T> {
  const state: TransactionState = { commitSent: false, lostBeforeCommit: false };
  try {
    return await transactions.run(state, transaction);
  } catch (error) {
    if (!state.lostBeforeCommit || remainingMs() <= 0) throw error;
    logger?.warn({ err: error }, 'database connection lost inside a transaction before its commit; running it again');
    await nextTurn();
    return transaction();
  }
}
