import { randomUUID } from 'node:crypto';
import { createPrismaClient } from '#lib/prisma';
import { postGraphQL } from '#system/graphql-client';
import { PrismaClient } from '#subgraphs/accounts/generated/prisma/client';
import { createUser } from '#subgraphs/accounts/users';
import { asRouterFor } from './router-identity.ts';
import type { TestSystem } from './system.ts';

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
