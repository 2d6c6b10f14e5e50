import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { dropDatabase, withDatabaseName } from './databases.ts';
import type { Runtime } from './spawn-service.ts';
import { startSystem, type RunningSystem } from './start-system.ts';
import { TEST_SERVER_URL } from './template-databases.ts';
import { removeQueues } from './queues.ts';
import { postGraphQL, type GraphQLRequest, type GraphQLResponse } from './graphql-client.ts';
import { SUBGRAPHS } from './topology.ts';

const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

/** Settings of a private system unless `env` says otherwise: test secrets, patient timeouts. */
export const PRIVATE_SYSTEM_ENV = {
  NODE_ENV: 'test',
  LOG_LEVEL: 'info',
  HOST: '127.0.0.1',
  JWT_SECRET: 'test-secret-that-is-long-enough-0123456789',
  ROUTER_SIGNING_SECRET: 'test-router-signing-secret-long-enough-0123456789',
  // Password hashing on a busy two-core machine can outlast the production default of 5 s.
  SUBGRAPH_TIMEOUT_MS: '30000',
  // And the whole operation, for the same reason (production: 10 s).
  ROUTER_OPERATION_DEADLINE_MS: '60000',
  // Tests and load runs send many requests from one IP; the rate-limit tests set their own budget.
  RATE_LIMIT_POINTS: '100000',
  // The same for accounts' sign-in limits; the tests of those limits set their own.
  AUTH_RATE_LIMIT_PER_IP: '100000',
  AUTH_RATE_LIMIT_PER_EMAIL: '100000',
  // Tests read back what they just wrote; the response-cache tests and bench:browse turn it on.
  RESPONSE_CACHE: 'off',
  // No load balancer to notice readiness turning 503: stop at once (the drain tests set their own).
  SHUTDOWN_DRAIN_DELAY_MS: '0',
};

export interface PrivateSystemOptions {
  /** The environment of every process, over PATH and `PRIVATE_SYSTEM_ENV` (nothing else is inherited). */
  env?: Record<string, string>;
  /** Migrated template database per subgraph; without it each fresh database is migrated. */
  templates?: Record<string, string>;
  /** Also start the checkout workers and the fake payment gateway. */
  background?: boolean;
  /** Processes of the router and, when `background`, of every checkout worker (default 1; see `startSystem`). */
  replicas?: number;
  /** Names the databases (`<label>_<run>_<subgraph>`); `test` by default. */
  label?: string;
  /** The PostgreSQL server for the databases; TEST_DATABASE_SERVER_URL or the local one. */
  databaseServerUrl?: string;
  runtime?: Runtime;
  nodeFlags?: Record<string, readonly string[]>;
  /** Every line a process prints; they are also kept in `logs`. */
  onLine?: (line: string, name: string) => void;
  /**
   * Start only the processes named in `start` (e.g. a router with other settings), calling the
   * other processes of a system that already runs, on its databases and queues; `stop` leaves
   * that system as it was.
   */
  alongside?: { system: Pick<PrivateSystem, 'urls' | 'databaseUrls' | 'queuePrefix'>; start: readonly string[] };
}

export interface PrivateSystem extends RunningSystem {
  /** Every line the processes printed, for a failing test or run to show. */
  logs: string[];
  /** The BullMQ key prefix every process of this system uses (its own queues in a shared Redis). */
  queuePrefix: string;
  graphql<TData = Record<string, unknown>>(request: GraphQLRequest): Promise<GraphQLResponse<TData>>;
}

/**
 * A system of its own beside any other on the machine: free ports, fresh databases
 * (`<label>_<run>_<subgraph>`, copies of the templates when given), its own queue prefix,
 * rate-limit and persisted-query keys in the shared Redis. `stop` ends the processes, then drops the databases and
 * removes its queues and keys.
 */
export async function startPrivateSystem(options: PrivateSystemOptions = {}): Promise<PrivateSystem> {
  const runId = randomUUID().slice(0, 8);
  const alongside = options.alongside;
  const queuePrefix = alongside?.system.queuePrefix ?? `test-${randomUUID()}`;
  const rateLimitPrefix = `${options.label ?? 'test'}-rate-${runId}`;
  const persistedQueriesPrefix = `${options.label ?? 'test'}-apq-${runId}`;
  const responseCachePrefix = `${options.label ?? 'test'}-response-${runId}`;
  const serverUrl = options.databaseServerUrl ?? TEST_SERVER_URL;
  const databaseUrls =
    alongside?.system.databaseUrls ??
    Object.fromEntries(
      SUBGRAPHS.map(({ name }) => [name, withDatabaseName(serverUrl, `${options.label ?? 'test'}_${runId}_${name}`)]),
    );
  const running = alongside
    ? Object.fromEntries(Object.entries(alongside.system.urls).filter(([name]) => !alongside.start.includes(name)))
    : undefined;
  const env: Record<string, string | undefined> = {
    PATH: process.env['PATH'],
    ...PRIVATE_SYSTEM_ENV,
    QUEUE_PREFIX: queuePrefix,
    // Counters of one system never meet another's.
    RATE_LIMIT_KEY_PREFIX: rateLimitPrefix,
    // Persisted queries too: a query registered by another system must not be known here.
    PERSISTED_QUERIES_KEY_PREFIX: persistedQueriesPrefix,
    RESPONSE_CACHE_KEY_PREFIX: responseCachePrefix,
    ...options.env,
  };
  const redisUrl = env['REDIS_URL'] ?? DEFAULT_REDIS_URL;
  const logs: string[] = [];
  const cleanup = async () => {
    // The databases and queues of a system this one ran alongside are that system's.
    if (!alongside) await Promise.all(Object.values(databaseUrls).map((url) => dropDatabase(url)));
    if (options.background && !alongside) await removeQueues(redisUrl, queuePrefix);
    await removeKeys(redisUrl, `${rateLimitPrefix}:*`);
    await removeKeys(redisUrl, `${persistedQueriesPrefix}:*`);
    await removeKeys(redisUrl, `${responseCachePrefix}:*`);
  };
  try {
    const system = await startSystem({
      env,
      ports: 'free',
      databaseUrls,
      background: options.background ?? false,
      cleanup,
      onLine: (line, name) => {
        logs.push(line);
        options.onLine?.(line, name);
      },
      ...(options.templates ? { templates: options.templates } : {}),
      ...(options.replicas ? { replicas: options.replicas } : {}),
      ...(options.runtime ? { runtime: options.runtime } : {}),
      ...(options.nodeFlags ? { nodeFlags: options.nodeFlags } : {}),
      ...(running ? { running } : {}),
    });
    return {
      ...system,
      logs,
      queuePrefix,
      graphql: (request) => postGraphQL(system.routerUrl, request),
    };
  } catch (error) {
    throw new Error(`system did not start: ${String(error)}\n${logs.slice(-20).join('\n')}`, { cause: error });
  }
}

/** Deletes a pattern's keys; a Redis that is gone (stopped by a test) has nothing to clean. */
async function removeKeys(redisUrl: string, pattern: string): Promise<void> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 0, enableOfflineQueue: false, lazyConnect: true });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    for await (const keys of redis.scanStream({ match: pattern, count: 1000 })) {
      if ((keys as string[]).length) await redis.del(...(keys as string[]));
    }
  } catch {
    // Nothing reachable to clean.
  } finally {
    redis.disconnect();
  }
}
