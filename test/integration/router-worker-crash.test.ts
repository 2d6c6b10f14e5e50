import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routerOnSharedSystem, type TestSystem } from '#test/harness/system';
import { createAdmin, registerCustomer, type SignedInUser } from '#testing/accounts';
import { CHECKOUT_TEST_ENV, createStockedProduct, eventually } from '#testing/checkout';
import { childPidsOf } from '#testing/child-processes';
import { queryDatabase } from '#testing/databases';
import { postOnFreshConnection } from '#testing/fresh-connection';
import { createRetryingClient, type RetryingClient } from '#testing/retrying-client';

const CUSTOMERS = 6;
/** Orders placed before the kill, and again after the replacement listens, so both see load. */
const ORDERS_PER_PHASE = 12;

const PRODUCTS = /* GraphQL */ `
  query {
    products(first: 5) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`;
// Emptying the cart and adding one unit, in one operation, sets the cart rather than adding to it,
// so a retry of a request whose answer was lost leaves the same cart.
const FILL_CART = /* GraphQL */ `
  mutation ($productId: ID!) {
    clearCart {
      lines {
        quantity
      }
    }
    addToCart(productId: $productId, quantity: 1) {
      lines {
        quantity
      }
    }
  }
`;
const PLACE_ORDER = /* GraphQL */ `
  mutation ($key: String!) {
    placeOrder(idempotencyKey: $key) {
      id
    }
  }
`;
const ORDER = /* GraphQL */ `
  query ($id: ID!) {
    order(id: $id) {
      id
      status
    }
  }
`;

describe('a router worker killed under load (ROUTER_WORKERS=2, a retrying client)', () => {
  let system: TestSystem;
  let primaryPid: number;
  let victimPid: number;
  let replacementPid: number | undefined;
  /** Idempotency key to the order placeOrder answered with. */
  const placed = new Map<string, string>();
  const retries: string[] = [];
  const failures: string[] = [];

  /** One shopper: browse, set the cart, place it, look at the order; every step retried as needed. */
  async function shop(customer: SignedInUser, productId: string, client: RetryingClient) {
    const send = async <TData>(query: string, variables: Record<string, unknown> = {}) => {
      const response = await client.graphql<TData>({ query, variables, token: customer.token });
      if (!response.data || response.errors) failures.push(`${response.status} ${JSON.stringify(response.errors)}`);
      return response.data;
    };
    await send(PRODUCTS);
    await send(FILL_CART, { productId });
    const key = randomUUID();
    const order = await send<{ placeOrder: { id: string } }>(PLACE_ORDER, { key });
    if (!order) return;
    placed.set(key, order.placeOrder.id);
    await send(ORDER, { id: order.placeOrder.id });
  }

  beforeAll(async () => {
    system = await routerOnSharedSystem({ ...CHECKOUT_TEST_ENV, ROUTER_WORKERS: '2' });
    primaryPid = system.processes['router']!.child.pid!;
    const admin = await createAdmin(system);
    const productId = await createStockedProduct(system, admin, 1_000, 10_000);
    const customers = await Promise.all(
      Array.from({ length: CUSTOMERS }, (_, index) => registerCustomer(system, `crash-${index}@example.com`)),
    );
    const client = createRetryingClient(system.routerUrl, { onRetry: (reason) => retries.push(reason) });

    let stop = false;
    const load = Promise.all(
      customers.map(async (customer) => {
        while (!stop && failures.length === 0) await shop(customer, productId, client);
      }),
    );
    const ordersReach = (count: number) =>
      eventually(async () => (placed.size >= count || failures.length ? true : undefined), 60_000, `${count} orders`);
    try {
      await ordersReach(ORDERS_PER_PHASE);
      const workers = await childPidsOf(primaryPid);
      expect(workers).toHaveLength(2);
      victimPid = workers[0]!;
      process.kill(victimPid, 'SIGKILL');
      const killedAt = placed.size;
      replacementPid = await eventually(async () => {
        const now = await childPidsOf(primaryPid);
        return now.length === 2 && !now.includes(victimPid) ? now.find((pid) => pid !== workers[1]) : undefined;
      }, 30_000);
      // Connections opened from now on go to the new process in turn with the survivor.
      await sleep(500);
      await ordersReach(killedAt + ORDERS_PER_PHASE);
    } finally {
      stop = true;
      await load;
    }
  }, 240_000);
  afterAll(() => system?.stop());

  it('answers every request, some only after the client retried them', () => {
    expect(failures).toEqual([]);
    expect(placed.size).toBeGreaterThanOrEqual(2 * ORDERS_PER_PHASE);
    // The kill cut requests in flight (or connections about to carry one); each was sent again.
    expect(retries.length, 'no request was cut by the kill').toBeGreaterThan(0);
  });

  it('places one order of one unit per idempotency key: none duplicated or doubled by a retry', async () => {
    const orders = await queryDatabase<{ id: string; idempotencyKey: string; units: number }>(
      system.databaseUrls['orders']!,
      `SELECT o.id, o."idempotencyKey", sum(l.quantity)::int AS units
         FROM "Order" o JOIN "OrderLine" l ON l."orderId" = o.id GROUP BY o.id`,
    );
    expect(orders.map(({ idempotencyKey, id }) => [idempotencyKey, id]).sort()).toEqual([...placed.entries()].sort());
    expect(orders.filter(({ units }) => units !== 1)).toEqual([]);
  });

  it('keeps the primary, which replaced the killed worker', async () => {
    expect(replacementPid).toBeDefined();
    expect(await childPidsOf(primaryPid)).toContain(replacementPid);
    expect(system.processes['router']!.child.exitCode).toBeNull();
    const exits = system.logs.filter((line) => line.includes('router worker exited; starting another'));
    expect(exits).toHaveLength(1);
    expect(JSON.parse(exits[0]!)).toMatchObject({ workerPid: victimPid, signal: 'SIGKILL' });
    // Fresh connections are shared out in turn between the survivor and the new process; all answered.
    for (let i = 0; i < 4; i += 1) {
      const answer = await postOnFreshConnection(system.routerUrl, { query: PRODUCTS });
      expect(answer.status).toBe(200);
      expect(answer.body.errors).toBeUndefined();
    }
  });
});
