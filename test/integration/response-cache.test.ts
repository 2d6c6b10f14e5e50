import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routerOnSharedSystem, type TestSystem } from '#test/harness/system';
import { createAdmin, registerCustomer, type SignedInUser } from '#testing/accounts';
import { createStockedProduct } from '#testing/checkout';
import type { GraphQLResponse } from '#system/graphql-client';

let system: TestSystem;
let admin: SignedInUser;
let alice: SignedInUser;
let bob: SignedInUser;
let productId: string;

const PUBLIC_PAGE = `query Page($id: ID!) { product(id: $id) { id name price { amount } inStock createdBy { name } } }`;
const PRIVATE_PAGE = `query Page($id: ID!) { product(id: $id) { id name createdBy { name email } } }`;
const ME_AND_CART = `query Mine { me { id email } cart { lines { product { id } quantity } } }`;
const ORDERS = `query Orders { me { id orders(first: 5) { edges { node { id } } } } }`;
const CATEGORIES = `{ categories { slug } }`;
const ADD = `mutation ($id: ID!, $quantity: Int!) { addToCart(productId: $id, quantity: $quantity) { total { amount } } }`;

const send = (query: string, user?: SignedInUser, variables?: Record<string, unknown>) =>
  system.graphql<Record<string, unknown>>({
    query,
    ...(variables ? { variables } : {}),
    ...(user ? { token: user.token } : {}),
  });
const cacheHeaders = (response: GraphQLResponse<unknown>) => ({
  xCache: response.headers.get('x-cache'),
  cacheControl: response.headers.get('cache-control'),
});

beforeAll(async () => {
  system = await routerOnSharedSystem({ RESPONSE_CACHE: 'on' });
  admin = await createAdmin(system);
  alice = await registerCustomer(system, 'alice@example.com', 'Alice');
  bob = await registerCustomer(system, 'bob@example.com', 'Bob');
  productId = await createStockedProduct(system, admin, 1200, 10);
  await send(ADD, alice, { id: productId, quantity: 1 });
  await send(ADD, bob, { id: productId, quantity: 3 });
});
afterAll(async () => {
  await system?.stop();
});

describe('the router response cache', () => {
  it('stores a public anonymous answer for its shortest hint and serves it from Redis', async () => {
    const first = await send(CATEGORIES);
    expect(cacheHeaders(first)).toEqual({ xCache: 'MISS', cacheControl: 'max-age=60, public' });
    // Caching is Cache-Control alone: no ETag, which would cost a hash of every answer.
    expect(first.headers.get('etag')).toBeNull();
    const second = await send(CATEGORIES);
    expect(second.headers.get('x-cache')).toBe('HIT');
    expect(second.headers.get('cache-control')).toMatch(/^max-age=(60|59|58), public$/);
    expect(second.data).toEqual(first.data);
    // Product data is 60 s, its stock 5 s: the whole answer lives as long as its shortest part.
    const page = await send(PUBLIC_PAGE, undefined, { id: productId });
    expect(cacheHeaders(page)).toEqual({ xCache: 'MISS', cacheControl: 'max-age=5, public' });
    expect((await send(PUBLIC_PAGE, undefined, { id: productId })).headers.get('x-cache')).toBe('HIT');
    // A client asking for a fresh answer gets one, which refreshes the entry.
    const reload = await system.graphql({ query: CATEGORIES, headers: { 'cache-control': 'no-cache' } });
    expect(reload.headers.get('x-cache')).toBe('MISS');
  });

  it('never stores an answer with a private field, even an anonymous one', async () => {
    for (let round = 0; round < 2; round += 1) {
      const page = await send(PRIVATE_PAGE, undefined, { id: productId });
      expect(cacheHeaders(page)).toEqual({ xCache: 'MISS', cacheControl: 'no-store' });
      expect(page.data).toMatchObject({ product: { createdBy: { name: 'Admin', email: null } } });
    }
  });

  it('gives two signed-in users and an anonymous caller each their own answer to the same operations', async () => {
    for (let round = 0; round < 2; round += 1) {
      for (const [query, variables] of [
        [ME_AND_CART, undefined],
        [ORDERS, undefined],
        [PRIVATE_PAGE, { id: productId }],
        [PUBLIC_PAGE, { id: productId }],
      ] as const) {
        const anonymous = await send(query, undefined, variables);
        const asAlice = await send(query, alice, variables);
        const asBob = await send(query, bob, variables);
        // Signed-in requests never touch the cache, and a CDN may keep their answers per browser only.
        for (const response of [asAlice, asBob]) {
          expect(response.headers.get('x-cache')).toBeNull();
          expect(response.headers.get('cache-control') ?? '').not.toContain('public');
        }
        if (query === ME_AND_CART) {
          expect(asAlice.data).toEqual({
            me: { id: alice.id, email: 'alice@example.com' },
            cart: { lines: [{ product: { id: productId }, quantity: 1 }] },
          });
          expect(asBob.data).toEqual({
            me: { id: bob.id, email: 'bob@example.com' },
            cart: { lines: [{ product: { id: productId }, quantity: 3 }] },
          });
          expect(anonymous.data).toBeNull();
          expect(anonymous.headers.get('x-cache')).toBe('MISS');
        }
        if (query === ORDERS) {
          expect(asAlice.data).toMatchObject({ me: { id: alice.id } });
          expect(asBob.data).toMatchObject({ me: { id: bob.id } });
          expect(anonymous.data).toEqual({ me: null });
          expect(anonymous.headers.get('x-cache')).toBe('MISS');
        }
        if (query === PRIVATE_PAGE) {
          // The product's creator's e-mail is the admin's: visible to the admin alone.
          for (const response of [anonymous, asAlice, asBob]) {
            expect(response.data).toMatchObject({ product: { createdBy: { email: null } } });
          }
          const asAdmin = await send(query, admin, variables);
          expect(asAdmin.data).toMatchObject({ product: { createdBy: { email: 'admin@example.com' } } });
          expect((await send(query, undefined, variables)).data).toMatchObject({
            product: { createdBy: { email: null } },
          });
        }
        if (query === PUBLIC_PAGE) {
          expect(asAlice.data).toEqual(anonymous.data);
          expect(asBob.data).toEqual(anonymous.data);
        }
      }
    }
  });

  it('does not cache mutations', async () => {
    const first = await send(ADD, alice, { id: productId, quantity: 1 });
    expect(first.headers.get('x-cache')).toBeNull();
    const anonymous = await send(`mutation { register(input: { email: "x", password: "y", name: "z" }) { token } }`);
    expect(anonymous.headers.get('x-cache')).toBe('MISS');
    const again = await send(`mutation { register(input: { email: "x", password: "y", name: "z" }) { token } }`);
    expect(again.headers.get('x-cache')).toBe('MISS');
  });
});
