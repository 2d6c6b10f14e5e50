import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { dropDatabase, withDatabaseName } from '#lib/database/ensure-database';
import { spawnService, stopService, type ServiceProcess } from '#lib/process/spawn-service';
import { createPrismaClient } from '#lib/prisma';
import { SUBGRAPHS } from '#subgraphs/registry';
import { PrismaClient } from '../../subgraphs/accounts/generated/prisma/client.ts';
import { createUser } from '../../subgraphs/accounts/users.ts';
import { migrateDatabase } from '../migrate-databases.ts';

const SERVER_URL = process.env['BENCH_DATABASE_SERVER_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

export interface BenchSystem {
  routerUrl: string;
  subgraphUrls: Record<string, string>;
  routerSigningSecret: string;
  /** The router's process id, to read its CPU time from /proc. */
  routerPid: number;
  stop(): Promise<void>;
}

/**
 * Starts every subgraph and the router on free loopback ports with databases of their own
 * (`bench_<run>_<subgraph>`), seeded with an admin and `productCount` products; `stop` ends the
 * processes and drops the databases and rate-limit keys.
 */
export async function startBenchSystem(productCount: number, routerNodeArgs: string[] = []): Promise<BenchSystem> {
  const runId = randomUUID().slice(0, 8);
  const routerSigningSecret = `bench-router-signing-secret-${randomUUID()}`;
  const databaseUrls = Object.fromEntries(
    SUBGRAPHS.map(({ name }) => [name, withDatabaseName(SERVER_URL, `bench_${runId}_${name}`)]),
  );
  const env: Record<string, string | undefined> = {
    PATH: process.env['PATH'],
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    JWT_SECRET: `bench-jwt-secret-${randomUUID()}`,
    ROUTER_SIGNING_SECRET: routerSigningSecret,
    RATE_LIMIT_POINTS: '100000000',
    NOTIFICATIONS_CHANNEL: 'capture',
    RATE_LIMIT_KEY_PREFIX: `bench-rate-${runId}`,
  };
  for (const { name, envPrefix } of SUBGRAPHS) {
    env[`${envPrefix}_DATABASE_URL`] = databaseUrls[name];
    env[`${envPrefix}_PORT`] = '0';
  }
  const services: ServiceProcess[] = [];
  const printError = (line: string) => {
    if (/"level":(50|60)/.test(line)) process.stderr.write(`${line}\n`);
  };
  const stop = async () => {
    await Promise.all([...services].reverse().map((service) => stopService(service)));
    await Promise.all(Object.values(databaseUrls).map((url) => dropDatabase(url)));
    const redis = new Redis('redis://127.0.0.1:6379');
    const keys = await redis.keys(`${env['RATE_LIMIT_KEY_PREFIX']}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  };
  try {
    await Promise.all(SUBGRAPHS.map((subgraph) => migrateDatabase(subgraph, env, 'quiet')));
    const subgraphUrls: Record<string, string> = {};
    for (const { name, envPrefix } of SUBGRAPHS) {
      const service = await spawnService({ name, entry: `subgraphs/${name}/main.ts`, env, onLine: printError });
      services.push(service);
      subgraphUrls[name] = `http://127.0.0.1:${service.port}/graphql`;
      env[`${envPrefix}_URL`] = subgraphUrls[name];
    }
    const router = await spawnService({
      name: 'router',
      entry: 'router/main.ts',
      env: { ...env, ROUTER_PORT: '0' },
      onLine: printError,
      nodeArgs: routerNodeArgs,
    });
    services.push(router);
    const routerUrl = `http://127.0.0.1:${router.port}/graphql`;
    await seed(routerUrl, databaseUrls['accounts']!, productCount);
    return { routerUrl, subgraphUrls, routerSigningSecret, routerPid: router.child.pid ?? 0, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function post<T>(url: string, query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (!body.data || body.errors) throw new Error(`seeding failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

async function seed(routerUrl: string, accountsDatabaseUrl: string, productCount: number) {
  const prisma = createPrismaClient(PrismaClient, { url: accountsDatabaseUrl, poolSize: 1 });
  const credentials = { email: 'bench-admin@example.com', password: 'bench-admin-password' };
  try {
    await createUser(prisma, { ...credentials, name: 'Bench Admin' }, 'ADMIN');
  } finally {
    await prisma.$disconnect();
  }
  const { login } = await post<{ login: { token: string } }>(
    routerUrl,
    'mutation ($input: LoginInput!) { login(input: $input) { token } }',
    { input: credentials },
  );
  for (let i = 0; i < productCount; i += 1) {
    await post(
      routerUrl,
      'mutation ($input: CreateProductInput!) { createProduct(input: $input) { id } }',
      { input: { sku: `BENCH-${i}`, name: `Bench product ${i}`, price: { amount: 100 + i, currency: 'USD' } } },
      login.token,
    );
  }
}
