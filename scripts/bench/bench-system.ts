import { randomUUID } from 'node:crypto';
import { nodeFlagsFromEnv } from '#system/node-flags';
import { startPrivateSystem } from '#system/private-system';
import { createAdmin } from '#system/testing/accounts';

export interface BenchSystem {
  routerUrl: string;
  subgraphUrls: Record<string, string>;
  routerSigningSecret: string;
  stop(): Promise<void>;
}

/**
 * Starts a private system (free loopback ports, databases `bench_<run>_<subgraph>` of its own,
 * production settings) seeded with an admin and `productCount` products; `stop` ends the
 * processes and drops the databases and rate-limit keys. `NODE_FLAGS_<PROCESS>` (e.g.
 * `NODE_FLAGS_ROUTER=--cpu-prof`) passes flags to one process's `node`.
 */
export async function startBenchSystem(productCount: number): Promise<BenchSystem> {
  const routerSigningSecret = `bench-router-signing-secret-${randomUUID()}`;
  const printError = (line: string) => {
    if (/"level":(50|60)/.test(line)) process.stderr.write(`${line}\n`);
  };
  const system = await startPrivateSystem({
    label: 'bench',
    ...(process.env['BENCH_DATABASE_SERVER_URL']
      ? { databaseServerUrl: process.env['BENCH_DATABASE_SERVER_URL'] }
      : {}),
    env: {
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      JWT_SECRET: `bench-jwt-secret-${randomUUID()}`,
      ROUTER_SIGNING_SECRET: routerSigningSecret,
      RATE_LIMIT_POINTS: '100000000',
      NOTIFICATIONS_CHANNEL: 'capture',
    },
    nodeFlags: nodeFlagsFromEnv(process.env),
    onLine: printError,
  });
  try {
    await seed(system, productCount);
  } catch (error) {
    await system.stop();
    throw error;
  }
  const { routerUrl, subgraphUrls, stop } = system;
  return { routerUrl, subgraphUrls, routerSigningSecret, stop };
}

async function seed(system: Awaited<ReturnType<typeof startPrivateSystem>>, productCount: number) {
  const admin = await createAdmin(system, 'bench-admin@example.com');
  for (let i = 0; i < productCount; i += 1) {
    const response = await system.graphql({
      query: 'mutation ($input: CreateProductInput!) { createProduct(input: $input) { id } }',
      variables: {
        input: { sku: `BENCH-${i}`, name: `Bench product ${i}`, price: { amount: 100 + i, currency: 'USD' } },
      },
      token: admin.token,
    });
    if (response.errors) throw new Error(`seeding failed: ${JSON.stringify(response.errors)}`);
  }
}
