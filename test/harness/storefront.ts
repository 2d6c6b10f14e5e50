import { createServer } from 'node:net';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { createPrismaClient } from '#lib/prisma';
import { spawnService, stopService, type ServiceProcess } from '#system/spawn-service';
import { postGraphQL } from '#system/graphql-client';
import { PrismaClient } from '#subgraphs/accounts/generated/prisma/client';
import { createUser } from '#subgraphs/accounts/users';
import { asRouterFor } from './router-identity.ts';
import type { TestSystem } from './system.ts';

/** The storefront operations the router's safelist accepts in a browser test (written by the build). */
export const STOREFRONT_ROUTER_MANIFEST = fileURLToPath(
  new URL('../../web/generated/persisted-query-manifest.json', import.meta.url),
);

/**
 * A free port, for the storefront whose origin the router's CORS_ORIGINS must name before the
 * router starts (the one case where the test cannot let the server pick port 0 and read it back).
 */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface RunningStorefront {
  url: string;
  process: ServiceProcess;
  stop(): Promise<void>;
}

/** Serves the built storefront (web/dist) on `port`, talking to the system's router. */
export async function startStorefront(system: TestSystem, port: number, logs: string[]): Promise<RunningStorefront> {
  const service = await spawnService({
    name: 'storefront',
    entry: 'web/server/main.ts',
    env: {
      PATH: process.env['PATH'],
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      STOREFRONT_PORT: String(port),
      STOREFRONT_ROUTER_URL: system.routerUrl,
    },
    onLine: (line) => logs.push(line),
  });
  return { url: `http://127.0.0.1:${port}`, process: service, stop: () => stopService(service) };
}

/**
 * Admin writes for tests whose router only runs the storefront's registered operations: they go
 * to the subgraphs directly, signed as the router would sign them for an admin.
 */
export async function createCatalogAdmin(system: TestSystem) {
  const prisma = createPrismaClient(PrismaClient, { url: system.databaseUrls['accounts']!, poolSize: 1 });
  const admin = await createUser(
    prisma,
    { email: `admin-${randomUUID()}@example.com`, password: 'admin-password-123', name: 'Admin' },
    'ADMIN',
  ).finally(() => prisma.$disconnect());
  const asAdmin = async <T>(subgraph: string, query: string, variables: Record<string, unknown>) => {
    const response = await postGraphQL<T>(system.subgraphUrls[subgraph]!, {
      query,
      variables,
      headers: await asRouterFor({ userId: admin.id, role: 'ADMIN' }),
    });
    if (!response.data) throw new Error(`${subgraph}: ${JSON.stringify(response.errors)}`);
    return response.data;
  };
  return {
    async createProduct(name: string, amount: number, onHand: number): Promise<string> {
      const { createProduct } = await asAdmin<{ createProduct: { id: string } }>(
        'catalog',
        'mutation ($input: CreateProductInput!) { createProduct(input: $input) { id } }',
        {
          input: {
            sku: `sku-${randomUUID()}`,
            name,
            description: `${name}, for testing.`,
            price: { amount, currency: 'USD' },
          },
        },
      );
      await asAdmin(
        'inventory',
        'mutation ($id: ID!, $n: Int!) { setStock(productId: $id, onHand: $n, reason: "test") { id } }',
        {
          id: createProduct.id,
          n: onHand,
        },
      );
      return createProduct.id;
    },
    async setPrice(id: string, amount: number): Promise<void> {
      await asAdmin(
        'catalog',
        'mutation ($id: ID!, $input: UpdateProductInput!) { updateProduct(id: $id, input: $input) { id } }',
        {
          id,
          input: { price: { amount, currency: 'USD' } },
        },
      );
    },
  };
}
