import { beforeAll, describe, expect, it } from 'vitest';
import { sharedSystem, type SharedTestSystem } from '#test/harness/system';
import { errorCodes } from '#system/graphql-client';
import { createAdmin, registerCustomer, type SignedInUser } from '#testing/accounts';
import { countRows, queryDatabase } from '#testing/databases';

const CREATE_PRODUCT = /* GraphQL */ `
  mutation ($input: CreateProductInput!) {
    createProduct(input: $input) {
      id
    }
  }
`;
const SET_STOCK = /* GraphQL */ `
  mutation ($productId: ID!, $onHand: Int!, $reason: String!) {
    setStock(productId: $productId, onHand: $onHand, reason: $reason) {
      id
      stock {
        onHand
        reserved
        available
      }
      inStock
    }
  }
`;
const ADJUST_STOCK = /* GraphQL */ `
  mutation ($productId: ID!, $delta: Int!, $reason: String!) {
    adjustStock(productId: $productId, delta: $delta, reason: $reason) {
      id
      name
      stock {
        onHand
        available
      }
    }
  }
`;
const PRODUCTS_WITH_STOCK = /* GraphQL */ `
  query {
    products(first: 100) {
      edges {
        node {
          id
          sku
          stock {
            onHand
            reserved
            available
          }
          inStock
        }
      }
    }
  }
`;
const MOVEMENTS = /* GraphQL */ `
  query ($id: ID!, $first: Int, $after: String) {
    product(id: $id) {
      sku
      stockMovements(first: $first, after: $after) {
        edges {
          node {
            kind
            onHandDelta
            reservedDelta
            onHandAfter
            reason
            actor {
              id
              name
            }
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`;

interface ProductNode {
  id: string;
  sku: string;
  stock: { onHand: number; reserved: number; available: number };
  inStock: boolean;
}

let system: SharedTestSystem;
let admin: SignedInUser;
let customer: SignedInUser;
const inventoryDb = () => system.databaseUrls['inventory']!;
const writes = async () => ({
  levels: await queryDatabase(inventoryDb(), 'SELECT * FROM "StockLevel" ORDER BY "productId"'),
  movements: await countRows(inventoryDb(), 'StockMovement'),
});

async function createProduct(sku: string): Promise<string> {
  const response = await system.graphql<{ createProduct: { id: string } }>({
    query: CREATE_PRODUCT,
    variables: { input: { sku, name: `Product ${sku}`, price: { amount: 1000, currency: 'USD' } } },
    token: admin.token,
  });
  if (!response.data) throw new Error(JSON.stringify(response.errors));
  return response.data.createProduct.id;
}

/** SQL statements the inventory subgraph has sent so far, read from its Prometheus metrics. */
async function inventoryStatements(): Promise<number> {
  const metrics = await (await fetch(system.subgraphUrls['inventory']!.replace(/graphql$/, 'metrics'))).text();
  const line = metrics.split('\n').find((entry) => entry.startsWith('db_statements_total'));
  return Number(line?.split(' ').at(-1));
}

async function setStock(productId: string, onHand: number, reason = 'stock take') {
  const response = await system.graphql({
    query: SET_STOCK,
    variables: { productId, onHand, reason },
    token: admin.token,
  });
  expect(response.errors).toBeUndefined();
  return response;
}

beforeAll(async () => {
  system = await sharedSystem();
  admin = await createAdmin(system);
  customer = await registerCustomer(system, 'stock-shopper@example.com', 'Shopper');
});
describe('inventory through the router', () => {
  it('lists products from catalog with their stock from inventory; unstocked products have none', async () => {
    const plenty = await createProduct('STOCK-PLENTY');
    const none = await createProduct('STOCK-NONE');
    const zero = await createProduct('STOCK-ZERO');
    const set = await setStock(plenty, 12);
    expect(set.data).toEqual({
      setStock: { id: plenty, stock: { onHand: 12, reserved: 0, available: 12 }, inStock: true },
    });
    await setStock(zero, 0);

    const response = await system.graphql<{ products: { edges: { node: ProductNode }[] } }>({
      query: PRODUCTS_WITH_STOCK,
    });
    expect(response.errors).toBeUndefined();
    const bySku = new Map(response.data!.products.edges.map(({ node }) => [node.sku, node]));
    expect(bySku.get('STOCK-PLENTY')).toMatchObject({
      stock: { onHand: 12, reserved: 0, available: 12 },
      inStock: true,
    });
    expect(bySku.get('STOCK-NONE')).toMatchObject({
      id: none,
      stock: { onHand: 0, reserved: 0, available: 0 },
      inStock: false,
    });
    expect(bySku.get('STOCK-ZERO')).toMatchObject({ stock: { onHand: 0, reserved: 0, available: 0 }, inStock: false });
  });

  it('reads the stock of 5 products and of 50 with the same number of SQL statements', async () => {
    for (let index = 0; index < 50; index += 1) {
      const productId = await createProduct(`STOCK-BATCH-${String(index).padStart(2, '0')}`);
      if (index % 2 === 0) await setStock(productId, index);
    }
    const query = PRODUCTS_WITH_STOCK.replace('first: 100', 'first: $first').replace(
      'query {',
      'query ($first: Int) {',
    );
    const statementsFor = async (first: number) => {
      const before = await inventoryStatements();
      const response = await system.graphql<{ products: { edges: unknown[] } }>({ query, variables: { first } });
      expect(response.errors).toBeUndefined();
      expect(response.data!.products.edges).toHaveLength(first);
      return (await inventoryStatements()) - before;
    };
    const forFive = await statementsFor(5);
    const forFifty = await statementsFor(50);
    expect(forFive).toBeGreaterThan(0);
    expect(forFifty).toBe(forFive);
  });

  it('lets an admin adjust stock and read the movement history, newest first, with who and why', async () => {
    const productId = await createProduct('STOCK-ADJUST');
    await setStock(productId, 5, 'initial count');
    const adjusted = await system.graphql({
      query: ADJUST_STOCK,
      variables: { productId, delta: -2, reason: 'two damaged in transit' },
      token: admin.token,
    });
    expect(adjusted.errors).toBeUndefined();
    expect(adjusted.data).toEqual({
      adjustStock: { id: productId, name: 'Product STOCK-ADJUST', stock: { onHand: 3, available: 3 } },
    });
    await system.graphql({
      query: ADJUST_STOCK,
      variables: { productId, delta: 10, reason: 'delivery' },
      token: admin.token,
    });

    const history = await system.graphql<{
      product: {
        stockMovements: { edges: { node: unknown }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
      };
    }>({ query: MOVEMENTS, variables: { id: productId, first: 2 }, token: admin.token });
    expect(history.errors).toBeUndefined();
    const actor = { id: admin.id, name: 'Admin' };
    expect(history.data!.product.stockMovements.edges.map(({ node }) => node)).toEqual([
      { kind: 'ADJUST', onHandDelta: 10, reservedDelta: 0, onHandAfter: 13, reason: 'delivery', actor },
      { kind: 'ADJUST', onHandDelta: -2, reservedDelta: 0, onHandAfter: 3, reason: 'two damaged in transit', actor },
    ]);
    expect(history.data!.product.stockMovements.pageInfo.hasNextPage).toBe(true);

    const rest = await system.graphql<{ product: { stockMovements: { edges: { node: unknown }[] } } }>({
      query: MOVEMENTS,
      variables: { id: productId, first: 2, after: history.data!.product.stockMovements.pageInfo.endCursor },
      token: admin.token,
    });
    expect(rest.data!.product.stockMovements.edges.map(({ node }) => node)).toEqual([
      { kind: 'SET', onHandDelta: 5, reservedDelta: 0, onHandAfter: 5, reason: 'initial count', actor },
    ]);
  });

  it('hides the movement history from customers (FORBIDDEN) and anonymous callers (UNAUTHENTICATED) but still answers the product', async () => {
    const productId = await createProduct('STOCK-HIDDEN');
    await setStock(productId, 1);
    const asCustomer = await system.graphql<{ product: { sku: string; stockMovements: null } }>({
      query: MOVEMENTS,
      variables: { id: productId },
      token: customer.token,
    });
    const anonymous = await system.graphql({ query: MOVEMENTS, variables: { id: productId } });
    expect(errorCodes(asCustomer)).toEqual(['FORBIDDEN']);
    expect(asCustomer.data).toEqual({ product: { sku: 'STOCK-HIDDEN', stockMovements: null } });
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses stock changes to a customer with FORBIDDEN and to an anonymous caller with UNAUTHENTICATED, writing nothing', async () => {
    const productId = await createProduct('STOCK-GUARDED');
    await setStock(productId, 4);
    const before = await writes();
    const variables = { productId, onHand: 100, reason: 'mine now' };
    const asCustomer = await system.graphql({ query: SET_STOCK, variables, token: customer.token });
    const anonymous = await system.graphql({ query: SET_STOCK, variables });
    const adjustAsCustomer = await system.graphql({
      query: ADJUST_STOCK,
      variables: { productId, delta: 1, reason: 'x' },
      token: customer.token,
    });
    expect(errorCodes(asCustomer)).toEqual(['FORBIDDEN']);
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(adjustAsCustomer)).toEqual(['FORBIDDEN']);
    expect(await writes()).toEqual(before);
  });

  describe('bad input', () => {
    let productId: string;
    beforeAll(async () => {
      productId = await createProduct('STOCK-BAD-INPUT');
      await setStock(productId, 3);
    });

    it.each([
      ['a negative onHand', SET_STOCK, () => ({ productId, onHand: -1, reason: 'r' }), 'BAD_USER_INPUT', 'onHand'],
      [
        'an onHand above the maximum',
        SET_STOCK,
        () => ({ productId, onHand: 1_000_001, reason: 'r' }),
        'BAD_USER_INPUT',
        'onHand',
      ],
      ['an empty reason', SET_STOCK, () => ({ productId, onHand: 5, reason: '' }), 'BAD_USER_INPUT', 'reason'],
      ['a blank reason', ADJUST_STOCK, () => ({ productId, delta: 1, reason: '   ' }), 'BAD_USER_INPUT', 'reason'],
      [
        'a reason over 500 characters',
        ADJUST_STOCK,
        () => ({ productId, delta: 1, reason: 'x'.repeat(501) }),
        'BAD_USER_INPUT',
        'reason',
      ],
      [
        'a malformed product id',
        SET_STOCK,
        () => ({ productId: 'not-an-id', onHand: 5, reason: 'r' }),
        'BAD_USER_INPUT',
        'productId',
      ],
      ['a zero adjustment', ADJUST_STOCK, () => ({ productId, delta: 0, reason: 'r' }), 'BAD_USER_INPUT', 'delta'],
      [
        'an adjustment below zero',
        ADJUST_STOCK,
        () => ({ productId, delta: -4, reason: 'r' }),
        'INSUFFICIENT_STOCK',
        undefined,
      ],
    ])('refuses %s with %s and writes nothing', async (_case, query, variables, code, field) => {
      const before = await writes();
      const response = await system.graphql({ query, variables: variables(), token: admin.token });
      expect(errorCodes(response)).toEqual([code]);
      expect(response.errors?.[0]?.extensions?.['field']).toBe(field);
      expect(await writes()).toEqual(before);
    });

    it('refuses a fractional quantity at GraphQL coercion', async () => {
      const response = await system.graphql({
        query: SET_STOCK,
        variables: { productId, onHand: 1.5, reason: 'r' },
        token: admin.token,
      });
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    });
  });
});
