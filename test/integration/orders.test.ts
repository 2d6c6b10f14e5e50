import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedSystem, type SharedTestSystem } from '#test/harness/system';
import { errorCodes, postGraphQL } from '#system/graphql-client';
import { asRouterFor } from '#test/harness/router-identity';
import { createAdmin, registerCustomer, type SignedInUser } from '#testing/accounts';
import { countRows, queryDatabase } from '#testing/databases';
import { createPrismaClient } from '#lib/prisma';
import { PrismaClient } from '#subgraphs/orders/generated/prisma/client';
import { InvalidTransitionError, transitionOrder } from '#subgraphs/orders/transition-order';

const CART_FIELDS = /* GraphQL */ `
  lines {
    product {
      id
    }
    quantity
    unitPrice {
      amount
      currency
    }
    lineTotal {
      amount
    }
  }
  total {
    amount
    currency
  }
`;
const ADD = `mutation ($productId: ID!, $quantity: Int!) { addToCart(productId: $productId, quantity: $quantity) { ${CART_FIELDS} } }`;
const UPDATE = `mutation ($productId: ID!, $quantity: Int!) { updateCartLine(productId: $productId, quantity: $quantity) { ${CART_FIELDS} } }`;
const REMOVE = `mutation ($productId: ID!) { removeFromCart(productId: $productId) { ${CART_FIELDS} } }`;
const CART = `{ cart { ${CART_FIELDS} } }`;
const ORDER_FIELDS = /* GraphQL */ `
  id
  status
  placedAt
  confirmedAt
  user {
    id
  }
  total {
    amount
    currency
  }
  lines {
    quantity
    product {
      id
      name
    }
    unitPrice {
      amount
      currency
    }
    lineTotal {
      amount
    }
  }
`;
const PLACE = `mutation ($key: String!) { placeOrder(idempotencyKey: $key) { ${ORDER_FIELDS} } }`;
const ORDER = `query ($id: ID!) { order(id: $id) { ${ORDER_FIELDS} } }`;
const MY_ORDERS = /* GraphQL */ `
  query ($first: Int, $after: String) {
    me {
      orders(first: $first, after: $after) {
        edges {
          cursor
          node {
            id
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
const CREATE_PRODUCT = /* GraphQL */ `
  mutation ($input: CreateProductInput!) {
    createProduct(input: $input) {
      id
    }
  }
`;
const SET_PRICE = /* GraphQL */ `
  mutation ($id: ID!, $amount: Int!) {
    updateProduct(id: $id, input: { price: { amount: $amount, currency: "USD" } }) {
      id
    }
  }
`;

interface Money {
  amount: number;
  currency: string;
}
interface CartData {
  lines: { product: { id: string }; quantity: number; unitPrice: Money; lineTotal: { amount: number } }[];
  total: Money | null;
}
interface OrderData {
  id: string;
  status: string;
  placedAt: string;
  confirmedAt: string | null;
  user: { id: string };
  total: Money;
  lines: { quantity: number; product: { id: string; name: string }; unitPrice: Money; lineTotal: { amount: number } }[];
}
interface OrdersPage {
  me: {
    orders: {
      edges: { cursor: string; node: { id: string } }[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  };
}

let system: SharedTestSystem;
let admin: SignedInUser;
let alice: SignedInUser;
let bob: SignedInUser;
const products: Record<string, string> = {};

const ordersDb = () => system.databaseUrls['orders']!;
const writes = async () => ({
  carts: await countRows(ordersDb(), 'Cart'),
  orders: await countRows(ordersDb(), 'Order'),
  lines: await countRows(ordersDb(), 'CartLine'),
  outbox: await countRows(ordersDb(), 'OutboxEvent'),
});

async function createProduct(sku: string, amount: number, currency = 'USD') {
  const response = await system.graphql<{ createProduct: { id: string } }>({
    query: CREATE_PRODUCT,
    variables: { input: { sku, name: `Product ${sku}`, price: { amount, currency } } },
    token: admin.token,
  });
  if (!response.data) throw new Error(JSON.stringify(response.errors));
  products[sku] = response.data.createProduct.id;
  return response.data.createProduct.id;
}

const setPrice = (id: string, amount: number) =>
  system.graphql({ query: SET_PRICE, variables: { id, amount }, token: admin.token });

const add = (user: SignedInUser, productId: string, quantity: number) =>
  system.graphql<{ addToCart: CartData }>({ query: ADD, variables: { productId, quantity }, token: user.token });

const place = (user: SignedInUser, key: string) =>
  system.graphql<{ placeOrder: OrderData }>({ query: PLACE, variables: { key }, token: user.token });

async function placeOne(user: SignedInUser, key: string, productId = products['MUG']!): Promise<OrderData> {
  await add(user, productId, 1);
  const response = await place(user, key);
  if (!response.data) throw new Error(JSON.stringify(response.errors));
  return response.data.placeOrder;
}

beforeAll(async () => {
  system = await sharedSystem();
  admin = await createAdmin(system);
  alice = await registerCustomer(system, 'alice@example.com', 'Alice');
  bob = await registerCustomer(system, 'bob@example.com', 'Bob');
  await createProduct('MUG', 1999);
  await createProduct('TEA', 500);
  await createProduct('BOOK', 2500);
  await createProduct('EURO-CHAIR', 1000, 'EUR');
});
describe('cart to order through the router', () => {
  it('keeps a cart with catalog prices and places a PENDING order with a price snapshot', async () => {
    await add(alice, products['MUG']!, 2);
    await add(alice, products['TEA']!, 1);
    const merged = await add(alice, products['MUG']!, 1);
    expect(merged.errors).toBeUndefined();
    expect(merged.data!.addToCart.lines.map((line) => line.quantity)).toEqual([3, 1]);
    expect(merged.data!.addToCart.lines[0]!.unitPrice).toEqual({ amount: 1999, currency: 'USD' });
    const updated = await system.graphql<{ updateCartLine: CartData }>({
      query: UPDATE,
      variables: { productId: products['TEA'], quantity: 4 },
      token: alice.token,
    });
    expect(updated.data!.updateCartLine.total).toEqual({ amount: 3 * 1999 + 4 * 500, currency: 'USD' });
    await add(alice, products['BOOK']!, 1);
    const removed = await system.graphql<{ removeFromCart: CartData }>({
      query: REMOVE,
      variables: { productId: products['BOOK'] },
      token: alice.token,
    });
    expect(removed.data!.removeFromCart.lines).toHaveLength(2);

    const placed = await place(alice, 'checkout-1');
    expect(placed.errors).toBeUndefined();
    const order = placed.data!.placeOrder;
    expect(order).toMatchObject({
      status: 'PENDING',
      confirmedAt: null,
      user: { id: alice.id },
      total: { amount: 3 * 1999 + 4 * 500, currency: 'USD' },
    });
    expect(order.lines).toEqual([
      {
        quantity: 3,
        product: { id: products['MUG'], name: 'Product MUG' },
        unitPrice: { amount: 1999, currency: 'USD' },
        lineTotal: { amount: 5997 },
      },
      {
        quantity: 4,
        product: { id: products['TEA'], name: 'Product TEA' },
        unitPrice: { amount: 500, currency: 'USD' },
        lineTotal: { amount: 2000 },
      },
    ]);
    const cart = await system.graphql<{ cart: CartData }>({ query: CART, token: alice.token });
    expect(cart.data!.cart).toEqual({ lines: [], total: null });

    // The snapshot holds when the catalog price moves later.
    await setPrice(products['MUG']!, 2999);
    const again = await system.graphql<{ order: OrderData }>({
      query: ORDER,
      variables: { id: order.id },
      token: alice.token,
    });
    expect(again.data!.order.lines[0]!.unitPrice.amount).toBe(1999);
    await setPrice(products['MUG']!, 1999);
  });

  it('applies concurrent changes to a new cart one after another', async () => {
    const frank = await registerCustomer(system, 'frank@example.com', 'Frank');
    const responses = await Promise.all(Array.from({ length: 5 }, () => add(frank, products['TEA']!, 2)));
    for (const response of responses) expect(response.errors?.map((error) => error.message)).toBeUndefined();
    const cart = await system.graphql<{ cart: CartData }>({ query: CART, token: frank.token });
    expect(cart.data!.cart.lines.map((line) => line.quantity)).toEqual([10]);
  });

  it('writes the OrderPlaced outbox event in the same transaction as the order', async () => {
    const order = await placeOne(alice, 'outbox-check');
    const events = await queryDatabase<{ type: string; payload: Record<string, unknown>; publishedAt: Date | null }>(
      ordersDb(),
      'SELECT type, payload, "publishedAt" FROM "OutboxEvent" WHERE "aggregateId" = $1',
      [order.id],
    );
    expect(events).toEqual([
      {
        type: 'OrderPlaced',
        publishedAt: null,
        payload: {
          orderId: order.id,
          userId: alice.id,
          total: { amount: 1999, currency: 'USD' },
          lines: [{ productId: products['MUG'], quantity: 1, unitPriceAmount: 1999 }],
        },
      },
    ]);
  });

  it('answers a retried placeOrder with the same order and never creates a second one', async () => {
    const first = await placeOne(alice, 'retry-key');
    const before = await writes();
    await add(alice, products['TEA']!, 2);
    const retry = await place(alice, 'retry-key');
    expect(retry.data!.placeOrder.id).toBe(first.id);
    expect(retry.data!.placeOrder.total.amount).toBe(1999);
    // The retry neither wrote an order nor touched the cart filled since.
    expect(await writes()).toEqual({ ...before, lines: before.lines + 1 });
    await system.graphql({ query: 'mutation { clearCart { lines { quantity } } }', token: alice.token });
  });

  it('resolves concurrent retries with one key to one order', async () => {
    await add(bob, products['BOOK']!, 2);
    const before = await writes();
    const responses = await Promise.all(Array.from({ length: 6 }, () => place(bob, 'double-click')));
    for (const response of responses) expect(response.errors?.map((error) => error.message)).toBeUndefined();
    expect(new Set(responses.map((response) => response.data!.placeOrder.id)).size).toBe(1);
    const after = await writes();
    expect(after.orders).toBe(before.orders + 1);
    expect(after.outbox).toBe(before.outbox + 1);
  });

  it('refuses to place at a stale price: PRICE_CHANGED, nothing placed, cart re-priced, then places at the new price', async () => {
    await add(bob, products['TEA']!, 2);
    await setPrice(products['TEA']!, 650);
    const before = await writes();
    const stale = await place(bob, 'stale-price');
    expect(errorCodes(stale)).toEqual(['PRICE_CHANGED']);
    expect(stale.errors?.[0]?.extensions?.['productIds']).toEqual([products['TEA']]);
    expect(await writes()).toEqual(before);
    const cart = await system.graphql<{ cart: CartData }>({ query: CART, token: bob.token });
    expect(cart.data!.cart.total).toEqual({ amount: 1300, currency: 'USD' });
    const placed = await place(bob, 'stale-price');
    expect(placed.data!.placeOrder.total.amount).toBe(1300);
    await setPrice(products['TEA']!, 500);
  });
});

describe('bad input is refused with a stable code and writes nothing', () => {
  const unknownProduct = '01900000-0000-7000-8000-000000000000';

  it.each([
    ['a zero quantity', () => products['MUG'], 0, 'BAD_USER_INPUT', 'quantity'],
    ['a negative quantity', () => products['MUG'], -3, 'BAD_USER_INPUT', 'quantity'],
    ['a quantity above 100', () => products['MUG'], 101, 'BAD_USER_INPUT', 'quantity'],
    ['a malformed product id', () => 'not-a-uuid', 1, 'BAD_USER_INPUT', 'productId'],
    ['an unknown product', () => unknownProduct, 1, 'NOT_FOUND', 'productId'],
  ])('addToCart with %s', async (_case, productId, quantity, code, field) => {
    const before = await writes();
    const response = await add(alice, productId()!, quantity);
    expect(errorCodes(response)).toEqual([code]);
    expect(response.errors?.[0]?.extensions?.['field']).toBe(field);
    expect(await writes()).toEqual(before);
  });

  it('refuses a line that would go above 100 in total, and a second currency in one cart', async () => {
    await add(alice, products['MUG']!, 60);
    const before = await writes();
    const tooMany = await add(alice, products['MUG']!, 41);
    expect(errorCodes(tooMany)).toEqual(['BAD_USER_INPUT']);
    const euro = await add(alice, products['EURO-CHAIR']!, 1);
    expect(errorCodes(euro)).toEqual(['BAD_USER_INPUT']);
    expect(euro.errors?.[0]?.message).toMatch(/one currency/);
    expect(await writes()).toEqual(before);
    await system.graphql({ query: 'mutation { clearCart { lines { quantity } } }', token: alice.token });
  });

  it('refuses updating or removing a product not in the cart with NOT_FOUND', async () => {
    const update = await system.graphql({
      query: UPDATE,
      variables: { productId: products['BOOK'], quantity: 1 },
      token: alice.token,
    });
    const remove = await system.graphql({
      query: REMOVE,
      variables: { productId: products['BOOK'] },
      token: alice.token,
    });
    expect(errorCodes(update)).toEqual(['NOT_FOUND']);
    expect(errorCodes(remove)).toEqual(['NOT_FOUND']);
  });

  it('writes no cart for a customer whose only cart change is refused', async () => {
    const erin = await registerCustomer(system, 'erin@example.com', 'Erin');
    const before = await writes();
    const remove = await system.graphql({
      query: REMOVE,
      variables: { productId: products['BOOK'] },
      token: erin.token,
    });
    expect(errorCodes(remove)).toEqual(['NOT_FOUND']);
    expect(await writes()).toEqual(before);
  });

  it.each([
    ['an empty cart', 'empty-cart-key'],
    ['an empty key', ''],
    ['a key with spaces', 'has spaces'],
    ['a key longer than 100 characters', 'k'.repeat(101)],
  ])('placeOrder with %s is BAD_USER_INPUT', async (_case, key) => {
    const before = await writes();
    const response = await place(alice, key);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(await writes()).toEqual(before);
  });

  it('refuses anonymous callers with UNAUTHENTICATED', async () => {
    const cart = await system.graphql({ query: CART });
    const placed = await system.graphql({ query: PLACE, variables: { key: 'anon' } });
    expect(errorCodes(cart)).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(placed)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('order visibility', () => {
  let alicesOrder: OrderData;
  beforeAll(async () => {
    alicesOrder = await placeOne(alice, 'visibility');
  });

  it("answers someone else's order with NOT_FOUND, like an order that does not exist", async () => {
    const others = await system.graphql({ query: ORDER, variables: { id: alicesOrder.id }, token: bob.token });
    const missing = await system.graphql({
      query: ORDER,
      variables: { id: '01900000-0000-7000-8000-000000000000' },
      token: bob.token,
    });
    expect(errorCodes(others)).toEqual(['NOT_FOUND']);
    expect(others.errors?.[0]?.message).toBe(missing.errors?.[0]?.message);
    const malformed = await system.graphql({ query: ORDER, variables: { id: 'x' }, token: bob.token });
    expect(errorCodes(malformed)).toEqual(['BAD_USER_INPUT']);
  });

  it("lets an admin read any order and the customer's order history", async () => {
    const response = await system.graphql<{ order: OrderData & { user: { orders: { edges: unknown[] } } } }>({
      query: `query ($id: ID!) { order(id: $id) { id user { id orders(first: 100) { edges { node { id } } } } } }`,
      variables: { id: alicesOrder.id },
      token: admin.token,
    });
    expect(response.errors).toBeUndefined();
    expect(response.data!.order.user.id).toBe(alice.id);
    expect(response.data!.order.user.orders.edges.length).toBeGreaterThan(0);
  });

  it("refuses another customer's order history with FORBIDDEN even asked of the subgraph directly", async () => {
    const query = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on User { orders { edges { node { id } } } } } }`;
    const variables = { r: [{ __typename: 'User', id: alice.id }] };
    const asBob = await postGraphQL(system.subgraphUrls['orders']!, {
      query,
      variables,
      headers: await asRouterFor({ userId: bob.id, role: 'CUSTOMER' }),
    });
    const asAdmin = await postGraphQL(system.subgraphUrls['orders']!, {
      query,
      variables,
      headers: await asRouterFor({ userId: admin.id, role: 'ADMIN' }),
    });
    expect(errorCodes(asBob)).toEqual(['FORBIDDEN']);
    expect(asAdmin.errors).toBeUndefined();
  });

  it('lists every order to admins only, filtered by status', async () => {
    const query = `{ orders(first: 100, status: PENDING) { edges { node { id status } } } }`;
    const asAdmin = await system.graphql<{ orders: { edges: { node: { id: string; status: string } }[] } }>({
      query,
      token: admin.token,
    });
    const asCustomer = await system.graphql({ query, token: alice.token });
    expect(asAdmin.data!.orders.edges.map(({ node }) => node.id)).toContain(alicesOrder.id);
    expect(asAdmin.data!.orders.edges.every(({ node }) => node.status === 'PENDING')).toBe(true);
    expect(errorCodes(asCustomer)).toEqual(['FORBIDDEN']);
  });
});

describe('order history', () => {
  it('pages through User.orders newest first without gaps or repeats', async () => {
    const carol = await registerCustomer(system, 'carol@example.com', 'Carol');
    const placed: string[] = [];
    for (let index = 0; index < 5; index += 1) placed.push((await placeOne(carol, `carol-${index}`)).id);
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const response: Awaited<ReturnType<typeof system.graphql<OrdersPage>>> = await system.graphql<OrdersPage>({
        query: MY_ORDERS,
        variables: { first: 2, after },
        token: carol.token,
      });
      const { edges, pageInfo } = response.data!.me.orders;
      seen.push(...edges.map(({ node }) => node.id));
      pages += 1;
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual([...placed].reverse());
  });
});

describe('batching', () => {
  const HISTORY = /* GraphQL */ `
    query ($first: Int) {
      me {
        orders(first: $first) {
          edges {
            node {
              id
              status
              total {
                amount
              }
              user {
                id
              }
              lines {
                quantity
                unitPrice {
                  amount
                  currency
                }
                product {
                  name
                  price {
                    amount
                  }
                  inStock
                  stock {
                    available
                  }
                }
              }
              payment {
                status
              }
            }
          }
        }
      }
    }
  `;

  interface HistoryPage {
    me: { orders: { edges: { node: { payment: { status: string } | null } }[] } };
  }

  /** The subgraph's own count of the SQL statements it has sent, from its /metrics. */
  async function statements(subgraph: string): Promise<number> {
    const text = await (await fetch(system.subgraphUrls[subgraph]!.replace(/\/graphql$/, '/metrics'))).text();
    const match = /^db_statements_total(?:\{[^}]*\})? (\d+)/m.exec(text);
    if (!match) throw new Error(`no db_statements_total in ${subgraph} metrics`);
    return Number(match[1]);
  }

  async function statementsFor(user: SignedInUser, first: number) {
    const subgraphs = ['accounts', 'catalog', 'orders', 'inventory', 'payments'];
    const before = await Promise.all(subgraphs.map(statements));
    const response = await system.graphql<HistoryPage>({ query: HISTORY, variables: { first }, token: user.token });
    expect(response.errors).toBeUndefined();
    const { edges } = response.data!.me.orders;
    expect(edges).toHaveLength(first);
    expect(edges.every(({ node }) => node.payment?.status === 'CAPTURED')).toBe(true);
    const after = await Promise.all(subgraphs.map(statements));
    return Object.fromEntries(subgraphs.map((name, index) => [name, after[index]! - before[index]!]));
  }

  it('lists 5 and 50 orders with lines, products, stock and payments in the same SQL statements per subgraph', async () => {
    const dave = await registerCustomer(system, 'dave@example.com', 'Dave');
    // Fifty orders written directly: placing them one by one would only make the test slow.
    await queryDatabase(
      ordersDb(),
      `INSERT INTO "Order" (id, "userId", "totalAmount", currency, "idempotencyKey", "updatedAt")
       SELECT gen_random_uuid(), $1, 2499, 'USD', 'seed-' || g, now() FROM generate_series(1, 50) AS g`,
      [dave.id],
    );
    await queryDatabase(
      ordersDb(),
      `INSERT INTO "OrderLine" (id, "orderId", "productId", quantity, "unitPriceAmount", "lineTotalAmount")
       SELECT gen_random_uuid(), o.id, p.id, 1, p.amount, p.amount
       FROM "Order" o CROSS JOIN (VALUES ($2::uuid, 1999), ($3::uuid, 500)) AS p(id, amount)
       WHERE o."userId" = $1`,
      [dave.id, products['MUG'], products['TEA']],
    );
    // Every order paid, so Order.payment resolves real rows in the payments database.
    await queryDatabase(
      system.databaseUrls['payments']!,
      `INSERT INTO "Payment" (id, "orderId", "userId", amount, currency, status, "idempotencyKey", "updatedAt")
       SELECT gen_random_uuid(), id, $1, 2499, 'USD', 'CAPTURED', 'seed-' || id, now() FROM unnest($2::uuid[]) AS id`,
      [
        dave.id,
        (await queryDatabase<{ id: string }>(ordersDb(), 'SELECT id FROM "Order" WHERE "userId" = $1', [dave.id])).map(
          ({ id }) => id,
        ),
      ],
    );
    const five = await statementsFor(dave, 5);
    const fifty = await statementsFor(dave, 50);
    for (const subgraph of ['orders', 'catalog', 'inventory', 'payments']) expect(five[subgraph]).toBeGreaterThan(0);
    expect(fifty).toEqual(five);
  });
});

describe('status transitions, the seam checkout builds on', () => {
  let prisma: PrismaClient;
  beforeAll(() => {
    prisma = createPrismaClient(PrismaClient, { url: ordersDb(), poolSize: 4 });
  });
  afterAll(async () => {
    await prisma?.$disconnect();
  });

  it('confirms a PENDING order once, stamps the time, and answers a repeat unchanged', async () => {
    const order = await placeOne(alice, 'confirm-me');
    const confirmed = await transitionOrder(prisma, order.id, 'CONFIRMED');
    const repeated = await transitionOrder(prisma, order.id, 'CONFIRMED');
    expect(confirmed.status).toBe('CONFIRMED');
    expect(repeated.confirmedAt).toEqual(confirmed.confirmedAt);
    const seen = await system.graphql<{ order: OrderData }>({
      query: ORDER,
      variables: { id: order.id },
      token: alice.token,
    });
    expect(seen.data!.order).toMatchObject({ status: 'CONFIRMED', confirmedAt: confirmed.confirmedAt!.toISOString() });
  });

  it('refuses a move the lifecycle does not allow and changes nothing', async () => {
    const order = await placeOne(alice, 'ship-too-early');
    await expect(transitionOrder(prisma, order.id, 'SHIPPED')).rejects.toBeInstanceOf(InvalidTransitionError);
    await expect(transitionOrder(prisma, order.id, 'FAILED')).rejects.toThrow(/failureReason/);
    const unchanged = await prisma.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(unchanged).toMatchObject({ status: 'PENDING', shippedAt: null, failedAt: null });
  });

  it('lets exactly one of two racing outcomes win', async () => {
    const order = await placeOne(alice, 'race-outcome');
    const results = await Promise.allSettled([
      transitionOrder(prisma, order.id, 'CONFIRMED'),
      transitionOrder(prisma, order.id, 'FAILED', { failureReason: 'payment declined' }),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const final = await prisma.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(final.confirmedAt === null).toBe(final.status === 'FAILED');
  });
});
