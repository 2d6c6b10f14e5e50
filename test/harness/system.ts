import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { dropDatabase, ensureDatabase, withDatabaseName } from '#lib/database/ensure-database';
import { spawnService, stopService, type ServiceProcess } from '#lib/process/spawn-service';
import { startInDependencyOrder } from '#lib/process/start-in-dependency-order';
import { SUBGRAPHS } from '#subgraphs/registry';
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
  graphql<TData = Record<string, unknown>>(request: GraphQLRequest): Promise<GraphQLResponse<TData>>;
  stop(): Promise<void>;
}

export interface StartSystemOptions {
  /** Extra environment for every process. */
  env?: Record<string, string>;
}

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
};

/**
 * Starts every subgraph (in dependency order) and the router as real processes on free ports, each
 * subgraph on a fresh copy of its migrated template database; `stop` ends the processes and drops
 * the databases.
 */
export async function startSystem(options: StartSystemOptions = {}): Promise<TestSystem> {
  const runId = randomUUID().slice(0, 8);
  const templates = inject('templateDatabases');
  const logs: string[] = [];
  const services: ServiceProcess[] = [];
  const databaseUrls = Object.fromEntries(
    SUBGRAPHS.map(({ name }) => [name, withDatabaseName(TEST_SERVER_URL, `test_${runId}_${name}`)]),
  );
  const env: Record<string, string | undefined> = {
    PATH: process.env['PATH'],
    ...BASE_ENV,
    // Counters of one system never meet another's; they expire with the rate-limit window.
    RATE_LIMIT_KEY_PREFIX: `test-rate-${runId}`,
    ...options.env,
  };
  for (const { name, envPrefix } of SUBGRAPHS) {
    env[`${envPrefix}_DATABASE_URL`] = databaseUrls[name];
    env[`${envPrefix}_PORT`] = '0';
  }

  const stop = async () => {
    await Promise.all([...services].reverse().map((service) => stopService(service)));
    await Promise.all(Object.values(databaseUrls).map((url) => dropDatabase(url)));
  };

  try {
    await Promise.all(SUBGRAPHS.map(({ name }) => ensureDatabase(databaseUrls[name]!, templates[name])));
    const { urls: subgraphUrls, urlEnv } = await startInDependencyOrder(SUBGRAPHS, async ({ name }, dependencyUrls) => {
      const service = await spawnService({
        name,
        entry: `subgraphs/${name}/main.ts`,
        env: { ...env, ...dependencyUrls },
        onLine: (l) => logs.push(l),
      });
      services.push(service);
      return `http://127.0.0.1:${service.port}/graphql`;
    });
    const router = await spawnService({
      name: 'router',
      entry: 'router/main.ts',
      env: { ...env, ...urlEnv, ROUTER_PORT: '0' },
      onLine: (line) => logs.push(line),
    });
    services.push(router);
    const routerUrl = `http://127.0.0.1:${router.port}/graphql`;
    return {
      routerUrl,
      subgraphUrls,
      databaseUrls,
      logs,
      processes: Object.fromEntries(services.map((service) => [service.name, service])),
      graphql: (request) => postGraphQL(routerUrl, request),
      stop,
    };
  } catch (error) {
    await stop();
    throw new Error(`system did not start: ${String(error)}\n${logs.slice(-20).join('\n')}`);
  }
}
