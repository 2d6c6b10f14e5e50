import { beforeAll, describe, expect, it } from 'vitest';
import { sharedSystem, type SharedTestSystem } from '#test/harness/system';
import { errorCodes } from '#system/graphql-client';
import { createAdmin, registerCustomer, type SignedInUser } from '#testing/accounts';
import { countRows } from '#testing/databases';

const CREATE_PRODUCT = /* GraphQL */ `
  mutation ($input: CreateProductInput!) {
    createProduct(input: $input) {
      id
      sku
      name
      price {
        amount
        currency
      }
    }
  }
`;
const UPDATE_PRODUCT = /* GraphQL */ `
  mutation ($id: ID!, $input: UpdateProductInput!) {
    updateProduct(id: $id, input: $input) {
      id
      name
      price {
        amount
      }
    }
  }
`;
const PRODUCTS = /* GraphQL */ `
  query ($first: Int, $after: String) {
    products(first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          sku
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

interface ProductsData {
  products: {
    edges: { cursor: string; node: { id: string; sku: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

let system: SharedTestSystem;
let admin: SignedInUser;
let customer: SignedInUser;
const productCount = () => countRows(system.databaseUrls['catalog']!, 'Product');

const productInput = (sku: string, amount = 1999) => ({
  sku,
  name: `Product ${sku}`,
  description: 'A thing',
  price: { amount, currency: 'USD' },
});

beforeAll(async () => {
  system = await sharedSystem();
  admin = await createAdmin(system);
  customer = await registerCustomer(system, 'shopper@example.com', 'Shopper');
});
describe('catalog through the router', () => {
  it('lets an admin create and update a product', async () => {
    const created = await system.graphql<{ createProduct: { id: string } }>({
      query: CREATE_PRODUCT,
      variables: { input: productInput('SKU-CREATE') },
      token: admin.token,
    });
    expect(created.errors).toBeUndefined();
    expect(created.data?.createProduct).toMatchObject({ sku: 'SKU-CREATE', price: { amount: 1999, currency: 'USD' } });

    const updated = await system.graphql({
      query: UPDATE_PRODUCT,
      variables: {
        id: created.data!.createProduct.id,
        input: { name: 'Renamed', price: { amount: 2500, currency: 'USD' } },
      },
      token: admin.token,
    });
    expect(updated.errors).toBeUndefined();
    expect(updated.data).toMatchObject({ updateProduct: { name: 'Renamed', price: { amount: 2500 } } });
  });

  it('refuses product creation to a customer with FORBIDDEN and to an anonymous caller with UNAUTHENTICATED', async () => {
    const before = await productCount();
    const asCustomer = await system.graphql({
      query: CREATE_PRODUCT,
      variables: { input: productInput('SKU-CUSTOMER') },
      token: customer.token,
    });
    const anonymous = await system.graphql({ query: CREATE_PRODUCT, variables: { input: productInput('SKU-ANON') } });
    expect(errorCodes(asCustomer)).toEqual(['FORBIDDEN']);
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
    expect(await productCount()).toBe(before);
  });

  it('resolves the creating User from accounts in the same operation, hiding their e-mail from others', async () => {
    const created = await system.graphql<{ createProduct: { id: string } }>({
      query: CREATE_PRODUCT,
      variables: { input: productInput('SKU-CROSS') },
      token: admin.token,
    });
    const query = `query ($id: ID!) { product(id: $id) { sku createdBy { id name email role } } }`;
    const variables = { id: created.data!.createProduct.id };
    const asCustomer = await system.graphql({ query, variables, token: customer.token });
    const asAdmin = await system.graphql({ query, variables, token: admin.token });
    expect(asCustomer.errors).toBeUndefined();
    expect(asCustomer.data).toEqual({
      product: { sku: 'SKU-CROSS', createdBy: { id: admin.id, name: 'Admin', email: null, role: 'ADMIN' } },
    });
    expect(asAdmin.data).toMatchObject({ product: { createdBy: { email: 'admin@example.com' } } });
  });

  it('pages through more products than one page holds, each exactly once, in order', async () => {
    for (let index = 0; index < 23; index += 1) {
      const response = await system.graphql({
        query: CREATE_PRODUCT,
        variables: { input: productInput(`PAGE-${String(index).padStart(2, '0')}`) },
        token: admin.token,
      });
      expect(response.errors).toBeUndefined();
    }
    const total = await productCount();
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<typeof system.graphql<ProductsData>>> = await system.graphql<ProductsData>({
        query: PRODUCTS,
        variables: { first: 10, after },
      });
      expect(page.errors).toBeUndefined();
      const { edges, pageInfo } = page.data!.products;
      expect(edges.length).toBeLessThanOrEqual(10);
      seen.push(...edges.map((edge) => edge.node.id));
      after = pageInfo.hasNextPage ? pageInfo.endCursor : null;
      pages += 1;
    } while (after);
    expect(pages).toBe(Math.ceil(total / 10));
    expect(new Set(seen).size).toBe(total);
    expect(seen).toEqual([...seen].sort());
  });

  it.each([
    ['a negative price', productInput('SKU-NEG', -1), 'price.amount'],
    ['a fractional price (refused by GraphQL coercion)', productInput('SKU-FRAC', 1.5), null],
    ['a bad currency', { ...productInput('SKU-CUR'), price: { amount: 100, currency: 'usd' } }, 'price.currency'],
    ['an empty SKU', productInput(''), 'sku'],
  ])('refuses %s with BAD_USER_INPUT and writes nothing', async (_case, input, field) => {
    const before = await productCount();
    const response = await system.graphql({ query: CREATE_PRODUCT, variables: { input }, token: admin.token });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    if (field) expect(response.errors?.[0]?.extensions?.['field']).toBe(field);
    expect(await productCount()).toBe(before);
  });

  it('refuses a duplicate SKU with CONFLICT', async () => {
    const response = await system.graphql({
      query: CREATE_PRODUCT,
      variables: { input: productInput('SKU-CREATE') },
      token: admin.token,
    });
    expect(errorCodes(response)).toEqual(['CONFLICT']);
  });

  it('refuses a malformed cursor and a page size above the maximum with BAD_USER_INPUT', async () => {
    const badCursor = await system.graphql({ query: PRODUCTS, variables: { first: 5, after: 'not-a-cursor' } });
    const tooMany = await system.graphql({ query: PRODUCTS, variables: { first: 101 } });
    const zero = await system.graphql({ query: PRODUCTS, variables: { first: 0 } });
    expect(errorCodes(badCursor)).toEqual(['BAD_USER_INPUT']);
    expect(badCursor.errors?.[0]?.extensions?.['field']).toBe('after');
    expect(errorCodes(tooMany)).toEqual(['BAD_USER_INPUT']);
    expect(tooMany.errors?.[0]?.extensions?.['maximum']).toBe(100);
    expect(errorCodes(zero)).toEqual(['BAD_USER_INPUT']);
  });

  it('answers an unknown product with null and a malformed id with BAD_USER_INPUT', async () => {
    const query = `query ($id: ID!) { product(id: $id) { id } }`;
    const unknown = await system.graphql({ query, variables: { id: '01900000-0000-7000-8000-000000000000' } });
    const malformed = await system.graphql({ query, variables: { id: 'abc' } });
    expect(unknown.data).toEqual({ product: null });
    expect(errorCodes(malformed)).toEqual(['BAD_USER_INPUT']);
  });

  it('updating an unknown product is NOT_FOUND', async () => {
    const response = await system.graphql({
      query: UPDATE_PRODUCT,
      variables: { id: '01900000-0000-7000-8000-000000000000', input: { name: 'x' } },
      token: admin.token,
    });
    expect(errorCodes(response)).toEqual(['NOT_FOUND']);
  });
});
