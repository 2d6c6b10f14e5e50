import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stopService } from '#system/spawn-service';
import { startSystem, type TestSystem } from '#test/harness/system';
import { createAdmin } from '#system/testing/accounts';

/** The example, with the real subgraphs: catalog keeps serving while inventory is down. */
let system: TestSystem;

const PRODUCTS = `{ products(first: 5) { edges { node { sku name stock { available } inStock } } } }`;

interface ProductsData {
  products: {
    edges: { node: { sku: string; name: string; stock: { available: number } | null; inStock: boolean | null } }[];
  };
}

beforeAll(async () => {
  system = await startSystem();
  const admin = await createAdmin(system);
  const created = await system.graphql<{ createProduct: { id: string } }>({
    query: `mutation { createProduct(input: { sku: "ISO-1", name: "Lamp", price: { amount: 1000, currency: "USD" } }) { id } }`,
    token: admin.token,
  });
  await system.graphql({
    query: `mutation ($id: ID!) { setStock(productId: $id, onHand: 7, reason: "initial") { id } }`,
    variables: { id: created.data!.createProduct.id },
    token: admin.token,
  });
});
afterAll(async () => {
  await system?.stop();
});

describe('one subgraph down', () => {
  it('serves products with stock while inventory is up', async () => {
    const response = await system.graphql<ProductsData>({ query: PRODUCTS });
    expect(response.errors).toBeUndefined();
    expect(response.data?.products.edges[0]?.node).toEqual({
      sku: 'ISO-1',
      name: 'Lamp',
      stock: { available: 7 },
      inStock: true,
    });
  });

  it('still serves catalog fields when inventory is down, with stock null and an error naming inventory', async () => {
    await stopService(system.processes['inventory']!);
    const response = await system.graphql<ProductsData>({ query: PRODUCTS });
    expect(response.status).toBe(200);
    expect(response.data?.products.edges[0]?.node).toMatchObject({
      sku: 'ISO-1',
      name: 'Lamp',
      stock: null,
      inStock: null,
    });
    expect(response.errors?.length).toBeGreaterThan(0);
    for (const error of response.errors ?? []) {
      expect(error.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'inventory' });
      expect(error.path?.slice(0, 2)).toEqual(['products', 'edges']);
    }
  });

  it('keeps answering operations that do not touch the stopped subgraph', async () => {
    const response = await system.graphql({ query: `{ products(first: 1) { edges { node { sku } } } }` });
    expect(response.errors).toBeUndefined();
  });
});
