import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { dropDatabase, ensureDatabase, withDatabaseName } from '#lib/database/ensure-database';
import { spawnService, stopService, type ServiceProcess } from '#lib/process/spawn-service';
import { startInDependencyOrder } from '#lib/process/start-in-dependency-order';
import { BACKGROUND_PROCESSES, SUBGRAPHS } from '#subgraphs/registry';
import { removeQueues } from './queues.ts';
import { postGraphQL, type GraphQLRequest, type GraphQLResponse } from './graphql-client.ts';
import { TEST_SERVER_URL } from './template-databases.ts';

export interface TestSystem {
  routerUrl: string;
  subgraphUrls: Record<string, string>;
  databaseUrls: Record<string, string>;
  /** Every line the processes printed, for a failing test to show. */
  logs: string[];
  /** The running processes by name (`router`, each subgraph), for tests that signal one. */
  processes: Record<string, ServiceProcess>;
  /** The BullMQ key prefix every process of this system uses (its own queues in a shared Redis). */
  queuePrefix: string;
  /** Base URL of each background process (workers, the fake payment gateway) by name. */
  backgroundUrls: Record<string, string>;
  /** Ends one process with `signal` and waits for it to exit (e.g. SIGKILL a worker mid-job). */
  kill(name: string, signal?: NodeJS.Signals): Promise<void>;
  /** Starts a process that `kill` ended again, with the same environment and on the same port. */
  restart(name: string): Promise<void>;
  graphql<TData = Record<string, unknown>>(request: GraphQLRequest): Promise<GraphQLResponse<TData>>;
  stop(): Promise<void>;
}

export interface StartSystemOptions {
  /** Extra environment for every process. */
  env?: Record<string, string>;
  /** Also start the background processes (the checkout workers and the fake payment gateway). */
  background?: boolean;
  /** Template database per subgraph; inside vitest, the run's (from the global setup). */
  templates?: Record<string, string>;
}

const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

export const BASE_ENV = {
  NODE_ENV: 'test',
  LOG_LEVEL: 'info',
  HOST: '127.0.0.1',
  JWT_SECRET: 'test-secret-that-is-long-enough-0123456789',
  ROUTER_SIGNING_SECRET: 'test-router-signing-secret-long-enough-0123456789',
  // Password hashing on a busy two-core machine can outlast the production default of 5 s.
  SUBGRAPH_TIMEOUT_MS: '30000',
  // Tests send many requests from one IP; the rate-limit tests set their own budget.
  RATE_LIMIT_POINTS: '100000',
  // Tests write and read back at once; the response-cache tests turn it on with a prefix of their own.
  RESPONSE_CACHE: 'off',
};

/**
 * Starts every subgraph (in dependency order) and the router as real processes on free ports, each
 * subgraph on a fresh copy of its migrated template database, and with `background` the workers
 * and the fake payment gateway, all on a queue prefix of their own; `stop` ends the processes and
 * drops the databases.
 */
export async function startSystem(options: StartSystemOptions = {}): Promise<TestSystem> {
  const runId = randomUUID().slice(0, 8);
  const queuePrefix = `test-${randomUUID()}`;
  const templates = options.templates ?? inject('templateDatabases');
  const logs: string[] = [];
  const services: ServiceProcess[] = [];
  const databaseUrls = Object.fromEntries(
    SUBGRAPHS.map(({ name }) => [name, withDatabaseName(TEST_SERVER_URL, `test_${runId}_${name}`)]),
  );
  const env: Record<string, string | undefined> = {
    PATH: process.env['PATH'],
    ...BASE_ENV,
    QUEUE_PREFIX: queuePrefix,
    // Counters of one system never meet another's; they expire with the rate-limit window.
    RATE_LIMIT_KEY_PREFIX: `test-rate-${runId}`,
    RESPONSE_CACHE_KEY_PREFIX: `test-response-${runId}`,
    ...options.env,
  };
  for (const { name, envPrefix } of SUBGRAPHS) {
    env[`${envPrefix}_DATABASE_URL`] = databaseUrls[name];
    env[`${envPrefix}_PORT`] = '0';
  }
  const background = options.background ? BACKGROUND_PROCESSES : [];
  for (const { envPrefix } of background) env[`${envPrefix}_PORT`] = '0';
  const entries = [
    ...SUBGRAPHS.map((subgraph) => ({ ...subgraph, entry: `subgraphs/${subgraph.name}/main.ts`, path: '/graphql' })),
    ...background.map((entry) => ({ ...entry, path: '' })),
  ];
  const spawned = new Map<string, { service: ServiceProcess; env: Record<string, string | undefined> }>();
  const spawnProcess = async (name: string, entry: string, processEnv: Record<string, string | undefined>) => {
    const service = await spawnService({ name, entry, env: processEnv, onLine: (l) => logs.push(l) });
    services.push(service);
    spawned.set(name, { service, env: processEnv });
    return service;
  };
  const spawnedProcess = (name: string) => {
    const found = spawned.get(name);
    if (!found) throw new Error(`no process ${name} in this system`);
    return found;
  };

  const stop = async () => {
    await Promise.all([...services].reverse().map((service) => stopService(service)));
    await Promise.all(Object.values(databaseUrls).map((url) => dropDatabase(url)));
    if (options.background) await removeQueues(env['REDIS_URL'] ?? DEFAULT_REDIS_URL, queuePrefix);
  };

  try {
    await Promise.all(SUBGRAPHS.map(({ name }) => ensureDatabase(databaseUrls[name]!, templates[name])));
    const { urls, urlEnv } = await startInDependencyOrder(entries, async ({ name, entry, path }, dependencyUrls) => {
      const service = await spawnProcess(name, entry, { ...env, ...dependencyUrls });
      return `http://127.0.0.1:${service.port}${path}`;
    });
    const subgraphUrls = Object.fromEntries(SUBGRAPHS.map(({ name }) => [name, urls[name]!]));
    const backgroundUrls = Object.fromEntries(background.map(({ name }) => [name, urls[name]!]));
    const router = await spawnService({
      name: 'router',
      entry: 'router/main.ts',
      env: { ...env, ...urlEnv, ROUTER_PORT: '0' },
      onLine: (line) => logs.push(line),
    });
    services.push(router);
    const routerUrl = `http://127.0.0.1:${router.port}/graphql`;
    const processes = Object.fromEntries(services.map((service) => [service.name, service]));
    return {
      routerUrl,
      subgraphUrls,
      databaseUrls,
      logs,
      processes,
      queuePrefix,
      backgroundUrls,
      graphql: (request) => postGraphQL(routerUrl, request),
      async kill(name, signal = 'SIGTERM') {
        const { service } = spawnedProcess(name);
        service.child.kill(signal);
        await service.exited;
      },
      async restart(name) {
        const { service, env: processEnv } = spawnedProcess(name);
        const { entry, envPrefix } = entries.find((candidate) => candidate.name === name)!;
        // Back on the port it had: the router and the other processes hold its URL.
        const restarted = await spawnProcess(name, entry, {
          ...processEnv,
          [`${envPrefix}_PORT`]: String(service.port),
        });
        services.splice(services.indexOf(service), 1);
        processes[name] = restarted;
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw new Error(`system did not start: ${String(error)}\n${logs.slice(-20).join('\n')}`);
  }
}
