import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { SignedInUser } from './accounts.ts';
import type { PrivateSystem } from '../private-system.ts';

type TestSystem = Pick<PrivateSystem, 'graphql'>;

/**
 * Settings that make retries and crash recovery fast enough for a test to watch, and give orders
 * enough connections for 20 customers placing orders at once on a loaded machine (with the
 * default 5, placeOrder's transactions wait past Prisma's 2 s limit and fail).
 */
export const CHECKOUT_TEST_ENV = {
  ORDERS_DB_POOL_SIZE: '20',
  QUEUE_JOB_ATTEMPTS: '3',
  QUEUE_BACKOFF_MS: '100',
  QUEUE_LOCK_MS: '3000',
  OUTBOX_POLL_INTERVAL_MS: '50',
  OUTBOX_MAX_BACKOFF_MS: '500',
  LOG_LEVEL: 'warn',
};

const CREATE_PRODUCT = `mutation ($input: CreateProductInput!) { createProduct(input: $input) { id } }`;
const SET_STOCK = `mutation ($id: ID!, $onHand: Int!) { setStock(productId: $id, onHand: $onHand, reason: "test") { id } }`;
const ADD = `mutation ($id: ID!, $quantity: Int!) { addToCart(productId: $id, quantity: $quantity) { total { amount } } }`;
const PLACE = `mutation ($key: String!) { placeOrder(idempotencyKey: $key) { id status } }`;
export const ORDER_STATUS = /* GraphQL */ `
  query ($id: ID!) {
    order(id: $id) {
      id
      status
      failureReason
      placedAt
      confirmedAt
      failedAt
      payment {
        status
        declineReason
      }
    }
  }
`;

export interface OrderStatusData {
  id: string;
  status: string;
  failureReason: string | null;
  placedAt: string;
  confirmedAt: string | null;
  failedAt: string | null;
  payment: { status: string; declineReason: string | null } | null;
}

async function must<T>(promise: Promise<{ data?: T | null; errors?: unknown }>): Promise<T> {
  const response = await promise;
  if (!response.data) throw new Error(`GraphQL failed: ${JSON.stringify(response.errors)}`);
  return response.data;
}

/** Creates a product priced `amount` with `onHand` units in stock, as an admin. */
export async function createStockedProduct(system: TestSystem, admin: SignedInUser, amount: number, onHand: number) {
  const { createProduct } = await must<{ createProduct: { id: string } }>(
    system.graphql({
      query: CREATE_PRODUCT,
      token: admin.token,
      variables: { input: { sku: `sku-${randomUUID()}`, name: 'Widget', price: { amount, currency: 'USD' } } },
    }),
  );
  await must(system.graphql({ query: SET_STOCK, token: admin.token, variables: { id: createProduct.id, onHand } }));
  return createProduct.id;
}

/** Puts `quantity` of a product in the customer's cart and places it: the PENDING order's id. */
export async function checkout(system: TestSystem, customer: SignedInUser, productId: string, quantity = 1) {
  await must(system.graphql({ query: ADD, token: customer.token, variables: { id: productId, quantity } }));
  const { placeOrder } = await must<{ placeOrder: { id: string; status: string } }>(
    system.graphql({ query: PLACE, token: customer.token, variables: { key: randomUUID() } }),
  );
  return placeOrder;
}

/** Polls `order(id)` through the router until it is CONFIRMED or FAILED. */
export async function waitForFinalStatus(system: TestSystem, token: string, orderId: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { order } = await must<{ order: OrderStatusData }>(
      system.graphql({ query: ORDER_STATUS, token, variables: { id: orderId } }),
    );
    if (order.status === 'CONFIRMED' || order.status === 'FAILED') return order;
    if (Date.now() > deadline) throw new Error(`order ${orderId} still ${order.status} after ${timeoutMs} ms`);
    await sleep(100);
  }
}

/** Polls until `check` answers something other than undefined. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 30_000, what = 'condition') {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what} not reached within ${timeoutMs} ms`);
    await sleep(100);
  }
}
