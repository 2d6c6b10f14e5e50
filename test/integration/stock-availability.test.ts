import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from '#lib/prisma';
import { backgroundOnSharedSystem, type TestSystem } from '#test/harness/system';
import { createAdmin, registerCustomer, type SignedInUser } from '#testing/accounts';
import { CHECKOUT_TEST_ENV, checkout, createStockedProduct, eventually } from '#testing/checkout';
import { queryDatabase } from '#testing/databases';
import { PrismaClient } from '../../subgraphs/catalog/generated/prisma/client.ts';
import { applyAvailability } from '../../subgraphs/catalog/worker/apply-availability.ts';

/** The most a sale (inventory holding the last unit) may take to leave `inStock: true` lists. */
const MAX_LAG_MS = 5_000;

const IN_STOCK = /* GraphQL */ `
  query InStock($inStock: Boolean!) {
    products(first: 100, filter: { inStock: $inStock }) {
      edges {
        node {
          id
          inStock
        }
      }
    }
  }
`;

let system: TestSystem;
let admin: SignedInUser;
let customer: SignedInUser;

const listed = async (inStock: boolean) => {
  const response = await system.graphql<{ products: { edges: { node: { id: string } }[] } }>({
    query: IN_STOCK,
    variables: { inStock },
  });
  return response.data!.products.edges.map((edge) => edge.node.id);
};

beforeAll(async () => {
  system = await backgroundOnSharedSystem({ ...CHECKOUT_TEST_ENV });
  admin = await createAdmin(system);
  customer = await registerCustomer(system, 'buyer@example.com');
});
afterAll(async () => {
  await system?.stop();
});

describe('in stock across subgraphs', () => {
  it(`a product that sells out leaves inStock: true lists within ${MAX_LAG_MS} ms`, async () => {
    const productId = await createStockedProduct(system, admin, 1500, 1);
    await eventually(async () => ((await listed(true)).includes(productId) ? true : undefined), 15_000, 'in stock');
    expect(await listed(false)).not.toContain(productId);

    await checkout(system, customer, productId, 1);
    await eventually(async () => ((await listed(false)).includes(productId) ? true : undefined), 15_000, 'sold out');
    // The sale is the moment inventory held the last unit (its RESERVE movement): how long
    // before then the product left the in-stock list is the lag of the relay and the worker.
    const [sale] = await queryDatabase<{ lagMs: number }>(
      system.databaseUrls['inventory']!,
      `SELECT EXTRACT(EPOCH FROM (LOCALTIMESTAMP(3) - "createdAt")) * 1000 AS "lagMs"
       FROM "StockMovement" WHERE "productId" = $1 AND "kind" = 'RESERVE'`,
      [productId],
    );
    expect(await listed(true)).not.toContain(productId);
    expect(Number(sale!.lagMs)).toBeLessThan(MAX_LAG_MS);
    // Catalog read its own table: inventory's outbox was emptied by the relay.
    const left = await queryDatabase<{ count: string }>(
      system.databaseUrls['inventory']!,
      'SELECT count(*) FROM "StockOutboxEvent"',
    );
    expect(Number(left[0]!.count)).toBe(0);
  });

  it('applies availability events once each, and never an older one over a newer', async () => {
    const prisma = createPrismaClient(PrismaClient, { url: system.databaseUrls['catalog']!, poolSize: 1 });
    try {
      const productId = randomUUID();
      const event = (version: number, inStock: boolean) => ({
        productId,
        inStock,
        available: 0,
        version: String(version),
      });
      expect(await applyAvailability(prisma, event(2, true))).toBe(true);
      expect(await applyAvailability(prisma, event(2, true))).toBe(false); // repeated
      expect(await applyAvailability(prisma, event(1, false))).toBe(false); // late
      expect(await applyAvailability(prisma, event(3, false))).toBe(true);
      const row = await prisma.productAvailability.findUniqueOrThrow({ where: { productId } });
      expect(row).toMatchObject({ inStock: false, version: 3n });
    } finally {
      await prisma.$disconnect();
    }
  });
});
