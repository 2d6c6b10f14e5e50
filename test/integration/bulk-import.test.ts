import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { sharedSystem, type SharedTestSystem } from '#test/harness/system';
import { errorCodes } from '#system/graphql-client';
import { createAdmin, registerCustomer, type SignedInUser } from '#testing/accounts';
import { countRows } from '#testing/databases';

const IMPORT_PRODUCTS = /* GraphQL */ `
  mutation ($products: [CreateProductInput!]!) {
    importProducts(products: $products) {
      id
      sku
      price {
        amount
      }
    }
  }
`;
const IMPORT_STOCK = /* GraphQL */ `
  mutation ($levels: [InitialStockInput!]!) {
    importStock(levels: $levels, reason: "bulk test") {
      stocked
      alreadyStocked
    }
  }
`;
const STOCK = /* GraphQL */ `
  query ($id: ID!) {
    product(id: $id) {
      stock {
        onHand
      }
    }
  }
`;

let system: SharedTestSystem;
let admin: SignedInUser;
let customer: SignedInUser;
const products = () => countRows(system.databaseUrls['catalog']!, 'Product');
const movements = () => countRows(system.databaseUrls['inventory']!, 'StockMovement');
const product = (sku: string, amount = 500) => ({ sku, name: `Product ${sku}`, price: { amount, currency: 'USD' } });
const importProducts = (input: unknown[], token = admin.token) =>
  system.graphql<{ importProducts: { id: string; sku: string; price: { amount: number } }[] }>({
    query: IMPORT_PRODUCTS,
    token,
    variables: { products: input },
  });
const importStock = (levels: unknown[], token = admin.token) =>
  system.graphql<{ importStock: { stocked: number; alreadyStocked: number } }>({
    query: IMPORT_STOCK,
    token,
    variables: { levels },
  });

beforeAll(async () => {
  system = await sharedSystem();
  admin = await createAdmin(system);
  customer = await registerCustomer(system, 'bulk-shopper@example.com');
});
describe('importProducts', () => {
  it('creates a few hundred products in one call, in the order given', async () => {
    const input = Array.from({ length: 300 }, (_, index) => product(`BULK-${index}`, 100 + index));
    const response = await importProducts(input);
    expect(response.errors).toBeUndefined();
    expect(response.data?.importProducts.map(({ sku }) => sku)).toEqual(input.map(({ sku }) => sku));
    expect(response.data?.importProducts[7]?.price.amount).toBe(107);
  });

  it('writes nothing when one product is invalid, and names it', async () => {
    const before = await products();
    const response = await importProducts([
      product('OK-1'),
      { ...product('BAD-1'), price: { amount: -1, currency: 'USD' } },
    ]);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0]?.extensions?.['field']).toBe('products.1.price.amount');
    expect(await products()).toBe(before);
  });

  it('writes nothing when a SKU is given twice or is taken (CONFLICT, with the SKUs)', async () => {
    const before = await products();
    const twice = await importProducts([product('TWICE'), product('TWICE')]);
    expect(errorCodes(twice)).toEqual(['BAD_USER_INPUT']);
    expect(twice.errors?.[0]?.extensions?.['field']).toBe('products.1.sku');
    const taken = await importProducts([product('NEW-1'), product('BULK-3')]);
    expect(errorCodes(taken)).toEqual(['CONFLICT']);
    expect(taken.errors?.[0]?.extensions?.['skus']).toEqual(['BULK-3']);
    expect(await products()).toBe(before);
  });

  it('refuses more than 500 products, customers (FORBIDDEN) and anonymous callers (UNAUTHENTICATED)', async () => {
    const tooMany = await importProducts(Array.from({ length: 501 }, (_, index) => product(`MANY-${index}`)));
    expect(errorCodes(tooMany)).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await importProducts([product('CUSTOMER-1')], customer.token))).toEqual(['FORBIDDEN']);
    const anonymous = await system.graphql({ query: IMPORT_PRODUCTS, variables: { products: [product('ANON-1')] } });
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('importStock', () => {
  it('gives products their first stock with a movement each, and a repeated call adds nothing', async () => {
    const created = await importProducts([product('STOCK-1'), product('STOCK-2')]);
    const [first, second] = created.data!.importProducts;
    const levels = [
      { productId: first!.id, onHand: 40 },
      { productId: second!.id, onHand: 7 },
    ];
    const before = await movements();
    expect((await importStock(levels)).data?.importStock).toEqual({ stocked: 2, alreadyStocked: 0 });
    expect(await movements()).toBe(before + 2);
    const again = await importStock([{ productId: first!.id, onHand: 999 }, levels[1]]);
    expect(again.data?.importStock).toEqual({ stocked: 0, alreadyStocked: 2 });
    expect(await movements()).toBe(before + 2);
    const stock = await system.graphql<{ product: { stock: { onHand: number } } }>({
      query: STOCK,
      variables: { id: first!.id },
    });
    expect(stock.data?.product.stock.onHand).toBe(40);
  });

  it('writes nothing for an invalid level or a product given twice, and refuses customers', async () => {
    const before = await movements();
    const id = randomUUID();
    const negative = await importStock([
      { productId: randomUUID(), onHand: 1 },
      { productId: id, onHand: -1 },
    ]);
    expect(negative.errors?.[0]?.extensions?.['field']).toBe('levels.1.onHand');
    const twice = await importStock([
      { productId: id, onHand: 1 },
      { productId: id, onHand: 2 },
    ]);
    expect(twice.errors?.[0]?.extensions?.['field']).toBe('levels.1.productId');
    expect(errorCodes(await importStock([{ productId: id, onHand: 1 }], customer.token))).toEqual(['FORBIDDEN']);
    expect(await movements()).toBe(before);
  });
});
