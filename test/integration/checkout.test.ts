import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backgroundOnSharedSystem, type TestSystem } from '#test/harness/system';
import { createAdmin, registerCustomer, type SignedInUser } from '#testing/accounts';
import { queryDatabase } from '#testing/databases';
import { CHECKOUT_TEST_ENV, checkout, createStockedProduct, eventually, waitForFinalStatus } from '#testing/checkout';

const NOTIFICATIONS = /* GraphQL */ `
  {
    me {
      notifications(first: 10) {
        edges {
          node {
            template
            status
            payload
          }
        }
      }
    }
  }
`;
interface NotificationsData {
  me: { notifications: { edges: { node: { template: string; status: string; payload: { orderId: string } } }[] } };
}

describe('checkout pipeline', () => {
  let system: TestSystem;
  let admin: SignedInUser;

  const stockOf = async (productId: string) => {
    const [row] = await queryDatabase<{ onHand: number; reserved: number }>(
      system.databaseUrls['inventory']!,
      'SELECT "onHand", "reserved" FROM "StockLevel" WHERE "productId" = $1',
      [productId],
    );
    return row!;
  };
  const sentNotifications = async (customer: SignedInUser, orderId: string) =>
    eventually(
      async () => {
        const response = await system.graphql<NotificationsData>({ query: NOTIFICATIONS, token: customer.token });
        const nodes = response.data?.me.notifications.edges.map(({ node }) => node) ?? [];
        const mine = nodes.filter((node) => node.payload.orderId === orderId);
        return mine.length && mine.every((node) => node.status === 'SENT') ? mine : undefined;
      },
      30_000,
      'notification sent',
    );

  beforeAll(async () => {
    system = await backgroundOnSharedSystem(CHECKOUT_TEST_ENV);
    admin = await createAdmin(system);
  });
  afterAll(() => system?.stop());

  it('takes a checked-out cart to CONFIRMED, with stock committed, payment captured and one notification', async () => {
    const customer = await registerCustomer(system, 'happy@example.com');
    const productId = await createStockedProduct(system, admin, 1_999, 10);
    const placed = await checkout(system, customer, productId, 3);
    expect(placed.status).toBe('PENDING');

    const order = await waitForFinalStatus(system, customer.token, placed.id);
    expect(order).toMatchObject({ status: 'CONFIRMED', failureReason: null, payment: { status: 'CAPTURED' } });
    expect(new Date(order.confirmedAt!).getTime()).toBeGreaterThanOrEqual(new Date(order.placedAt).getTime());

    await eventually(async () => ((await stockOf(productId)).onHand === 7 ? true : undefined), 10_000, 'commit');
    expect(await stockOf(productId)).toEqual({ onHand: 7, reserved: 0 });
    const notifications = await sentNotifications(customer, placed.id);
    expect(notifications.map((node) => node.template)).toEqual(['ORDER_CONFIRMED']);
    const captures = await fetch(`${system.backgroundUrls['payment-gateway']}/captures`).then((r) => r.json());
    expect((captures as { captures: { amount: number }[] }).captures.filter((c) => c.amount === 5_997)).toHaveLength(1);
  });

  it('fails a declined payment with its reason, gives the stock back and sends a failure notice', async () => {
    const customer = await registerCustomer(system, 'declined@example.com');
    // Amounts ending in 02 are always declined by the fake provider.
    const productId = await createStockedProduct(system, admin, 1_002, 5);
    const placed = await checkout(system, customer, productId, 1);

    const order = await waitForFinalStatus(system, customer.token, placed.id);
    expect(order).toMatchObject({ status: 'FAILED', payment: { status: 'DECLINED', declineReason: 'card_declined' } });
    expect(order.failureReason).toMatch(/payment declined/);
    expect(order.failedAt).not.toBeNull();

    await eventually(async () => ((await stockOf(productId)).reserved === 0 ? true : undefined), 10_000, 'release');
    expect(await stockOf(productId)).toEqual({ onHand: 5, reserved: 0 });
    const notifications = await sentNotifications(customer, placed.id);
    expect(notifications.map((node) => node.template)).toEqual(['ORDER_FAILED']);
  });

  it('sells exactly the 50 units in stock to 200 concurrent orders and fails the rest as out of stock', async () => {
    const productId = await createStockedProduct(system, admin, 500, 50);
    const customers = await Promise.all(
      Array.from({ length: 20 }, (_, index) => registerCustomer(system, `rush-${index}@example.com`)),
    );
    // Each customer has one cart, so each places its 10 orders one after another; the 20 run at once.
    const placed = (
      await Promise.all(
        customers.map(async (customer) => {
          const ids: { id: string; customer: SignedInUser }[] = [];
          for (let index = 0; index < 10; index += 1)
            ids.push({ id: (await checkout(system, customer, productId)).id, customer });
          return ids;
        }),
      )
    ).flat();
    expect(placed).toHaveLength(200);

    let lowest = Infinity;
    const watch = setInterval(() => {
      void stockOf(productId).then(({ onHand, reserved }) => (lowest = Math.min(lowest, onHand - reserved)));
    }, 50);
    // One count in the orders database until none is pending: 200 clients asking the router ten
    // times a second each took the CPU the workers needed. Then each order is read once, as before.
    await eventually(
      async () => {
        const [row] = await queryDatabase<{ open: number }>(
          system.databaseUrls['orders']!,
          `SELECT count(*)::int AS open FROM "Order" WHERE status NOT IN ('CONFIRMED', 'FAILED')`,
        );
        return row?.open === 0 ? true : undefined;
      },
      80_000,
      'every order settled',
    );
    const orders = await Promise.all(
      placed.map(({ id, customer }) => waitForFinalStatus(system, customer.token, id, 80_000)),
    );
    clearInterval(watch);

    const confirmed = orders.filter((order) => order.status === 'CONFIRMED');
    const failed = orders.filter((order) => order.status === 'FAILED');
    expect(confirmed).toHaveLength(50);
    expect(failed).toHaveLength(150);
    expect(failed.every((order) => order.failureReason?.startsWith('out of stock'))).toBe(true);
    expect(lowest).toBeGreaterThanOrEqual(0);
    await eventually(async () => ((await stockOf(productId)).onHand === 0 ? true : undefined), 20_000, 'commits');
    expect(await stockOf(productId)).toEqual({ onHand: 0, reserved: 0 });
  }, 120_000);
});
