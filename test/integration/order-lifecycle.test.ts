import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '#system/graphql-client';
import { backgroundOnSharedSystem, type TestSystem } from '#test/harness/system';
import { createAdmin, registerCustomer, type SignedInUser } from '#testing/accounts';
import { queryDatabase } from '#testing/databases';
import { CHECKOUT_TEST_ENV, checkout, createStockedProduct, eventually, waitForFinalStatus } from '#testing/checkout';

const CANCEL = /* GraphQL */ `
  mutation ($id: ID!) {
    cancelOrder(id: $id) {
      id
      status
      confirmedAt
      cancelledAt
    }
  }
`;
const SHIP = /* GraphQL */ `
  mutation ($id: ID!) {
    shipOrder(id: $id) {
      id
      status
      shippedAt
    }
  }
`;
const PAYMENT = /* GraphQL */ `
  query ($id: ID!) {
    order(id: $id) {
      status
      payment {
        status
        amount {
          amount
        }
        refunds {
          status
          reason
          amount {
            amount
          }
          refundedAt
        }
      }
    }
  }
`;
const NOTIFICATIONS = /* GraphQL */ `
  {
    me {
      notifications(first: 20) {
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

interface PaymentData {
  order: {
    status: string;
    payment: {
      status: string;
      amount: { amount: number };
      refunds: { status: string; reason: string; amount: { amount: number }; refundedAt: string | null }[];
    } | null;
  };
}
interface NotificationsData {
  me: { notifications: { edges: { node: { template: string; status: string; payload: { orderId: string } } }[] } };
}
interface GatewayRecord {
  idempotencyKey: string;
  amount: number;
}

/**
 * The order lifecycle after checkout, end to end through the router and the workers: customers
 * cancel (stock back, money back once, a notice), admins ship, and a capture that lands on an
 * order that has ended is refunded by itself, once.
 */
describe('order lifecycle', () => {
  const gateway = async (system: TestSystem, list: 'captures' | 'refunds', orderId: string) => {
    const response = await fetch(`${system.backgroundUrls['payment-gateway']}/${list}`);
    const records = ((await response.json()) as Record<string, GatewayRecord[]>)[list]!;
    return records.filter(({ idempotencyKey }) => idempotencyKey.startsWith(`order-${orderId}:`));
  };
  const stockOf = async (system: TestSystem, productId: string) => {
    const [row] = await queryDatabase<{ onHand: number; reserved: number }>(
      system.databaseUrls['inventory']!,
      'SELECT "onHand", "reserved" FROM "StockLevel" WHERE "productId" = $1',
      [productId],
    );
    return row!;
  };
  const stockBecomes = (system: TestSystem, productId: string, expected: { onHand: number; reserved: number }) =>
    eventually(
      async () => {
        const stock = await stockOf(system, productId);
        return stock.onHand === expected.onHand && stock.reserved === expected.reserved ? stock : undefined;
      },
      20_000,
      `stock ${JSON.stringify(expected)}`,
    );
  const paymentOf = async (system: TestSystem, customer: SignedInUser, orderId: string) => {
    const response = await system.graphql<PaymentData>({
      query: PAYMENT,
      token: customer.token,
      variables: { id: orderId },
    });
    if (!response.data) throw new Error(JSON.stringify(response.errors));
    return response.data.order.payment;
  };
  const refunded = (system: TestSystem, customer: SignedInUser, orderId: string) =>
    eventually(
      async () => {
        const payment = await paymentOf(system, customer, orderId);
        return payment?.status === 'REFUNDED' ? payment : undefined;
      },
      20_000,
      'payment refunded',
    );
  const sentNotices = (system: TestSystem, customer: SignedInUser, orderId: string, templates: string[]) =>
    eventually(
      async () => {
        const response = await system.graphql<NotificationsData>({ query: NOTIFICATIONS, token: customer.token });
        const mine = (response.data?.me.notifications.edges ?? [])
          .map(({ node }) => node)
          .filter((node) => node.payload.orderId === orderId && node.status === 'SENT')
          .map((node) => node.template)
          .sort();
        return mine.length >= templates.length ? mine : undefined;
      },
      20_000,
      `notices ${templates.join(', ')}`,
    );

  describe('on a system with a payment provider that takes 300 ms per call', () => {
    let system: TestSystem;
    let admin: SignedInUser;
    beforeAll(async () => {
      // Slow enough that an order cancelled right after placeOrder is still PENDING.
      system = await backgroundOnSharedSystem({ ...CHECKOUT_TEST_ENV, PAYMENT_FAKE_LATENCY_MS: '300' });
      admin = await createAdmin(system);
    });
    afterAll(() => system?.stop());

    it('cancels a PENDING order: its stock comes back, no money is kept, a notice is sent', async () => {
      const customer = await registerCustomer(system, 'cancel-pending@example.com');
      const productId = await createStockedProduct(system, admin, 1_250, 10);
      const placed = await checkout(system, customer, productId, 2);

      const response = await system.graphql<{ cancelOrder: { status: string; confirmedAt: string | null } }>({
        query: CANCEL,
        token: customer.token,
        variables: { id: placed.id },
      });
      expect(response.data?.cancelOrder).toMatchObject({ status: 'CANCELLED', confirmedAt: null });

      await stockBecomes(system, productId, { onHand: 10, reserved: 0 });
      expect(await sentNotices(system, customer, placed.id, ['ORDER_CANCELLED'])).toEqual(['ORDER_CANCELLED']);
      // The charge may have been on its way: it is stopped, or whatever it took is given back, once.
      await sleep(1_500);
      const settled = await eventually(
        async () => {
          const payment = await paymentOf(system, customer, placed.id);
          const captures = await gateway(system, 'captures', placed.id);
          const refunds = await gateway(system, 'refunds', placed.id);
          const final = !payment || payment.status === 'FAILED' || payment.status === 'REFUNDED';
          return final && refunds.length === captures.length ? { payment, captures } : undefined;
        },
        20_000,
        'charge stopped or refunded',
      );
      expect(settled.captures.length).toBeLessThanOrEqual(1);
      expect(settled.payment?.refunds ?? []).toHaveLength(settled.captures.length);
    });

    it('cancels a CONFIRMED order: refunded once, stock back on hand, notices sent; a repeat changes nothing', async () => {
      const customer = await registerCustomer(system, 'cancel-confirmed@example.com');
      const productId = await createStockedProduct(system, admin, 2_100, 10);
      const placed = await checkout(system, customer, productId, 3);
      expect((await waitForFinalStatus(system, customer.token, placed.id)).status).toBe('CONFIRMED');
      await stockBecomes(system, productId, { onHand: 7, reserved: 0 });

      const cancel = () => system.graphql({ query: CANCEL, token: customer.token, variables: { id: placed.id } });
      expect(errorCodes(await cancel())).toEqual([]);
      const payment = await refunded(system, customer, placed.id);
      expect(payment.refunds).toEqual([
        expect.objectContaining({
          status: 'SUCCEEDED',
          amount: { amount: 6_300 },
          reason: expect.stringMatching(/cancel/),
        }),
      ]);
      await stockBecomes(system, productId, { onHand: 10, reserved: 0 });
      expect(await sentNotices(system, customer, placed.id, ['ORDER_CANCELLED', 'ORDER_CONFIRMED'])).toEqual([
        'ORDER_CANCELLED',
        'ORDER_CONFIRMED',
      ]);

      const again = await system.graphql<{ cancelOrder: { status: string } }>({
        query: CANCEL,
        token: customer.token,
        variables: { id: placed.id },
      });
      expect(again.data?.cancelOrder.status).toBe('CANCELLED');
      await sleep(1_000);
      expect(await gateway(system, 'captures', placed.id)).toHaveLength(1);
      expect(await gateway(system, 'refunds', placed.id)).toEqual([
        expect.objectContaining({ idempotencyKey: `order-${placed.id}:refund`, amount: 6_300 }),
      ]);
      expect((await paymentOf(system, customer, placed.id))?.refunds).toHaveLength(1);
      expect(await stockOf(system, productId)).toEqual({ onHand: 10, reserved: 0 });
      const movements = await queryDatabase<{ kind: string; onHandDelta: number }>(
        system.databaseUrls['inventory']!,
        `SELECT kind, "onHandDelta" FROM "StockMovement" WHERE "orderId" = $1 AND kind = 'RETURN'`,
        [placed.id],
      );
      expect(movements).toEqual([{ kind: 'RETURN', onHandDelta: 3 }]);
    });

    it("refuses to cancel someone else's order: NOT_FOUND for a customer, FORBIDDEN for an admin", async () => {
      const owner = await registerCustomer(system, 'owner@example.com');
      const stranger = await registerCustomer(system, 'stranger@example.com');
      const productId = await createStockedProduct(system, admin, 990, 5);
      const placed = await checkout(system, owner, productId);

      const asStranger = await system.graphql({ query: CANCEL, token: stranger.token, variables: { id: placed.id } });
      expect(errorCodes(asStranger)).toEqual(['NOT_FOUND']);
      const asAdmin = await system.graphql({ query: CANCEL, token: admin.token, variables: { id: placed.id } });
      expect(errorCodes(asAdmin)).toEqual(['FORBIDDEN']);
      expect(errorCodes(await system.graphql({ query: CANCEL, variables: { id: placed.id } }))).toEqual([
        'UNAUTHENTICATED',
      ]);
      expect((await waitForFinalStatus(system, owner.token, placed.id)).status).toBe('CONFIRMED');
    });

    it('ships a CONFIRMED order for an admin and tells the customer; a shipped order cannot be cancelled', async () => {
      const customer = await registerCustomer(system, 'ship@example.com');
      const productId = await createStockedProduct(system, admin, 1_500, 5);
      const placed = await checkout(system, customer, productId);
      await waitForFinalStatus(system, customer.token, placed.id);

      const asCustomer = await system.graphql({ query: SHIP, token: customer.token, variables: { id: placed.id } });
      expect(errorCodes(asCustomer)).toEqual(['FORBIDDEN']);

      const shipped = await system.graphql<{ shipOrder: { status: string; shippedAt: string | null } }>({
        query: SHIP,
        token: admin.token,
        variables: { id: placed.id },
      });
      expect(shipped.data?.shipOrder).toMatchObject({ status: 'SHIPPED', shippedAt: expect.any(String) });
      expect(await sentNotices(system, customer, placed.id, ['ORDER_CONFIRMED', 'ORDER_SHIPPED'])).toEqual([
        'ORDER_CONFIRMED',
        'ORDER_SHIPPED',
      ]);

      const cancel = await system.graphql({ query: CANCEL, token: customer.token, variables: { id: placed.id } });
      expect(errorCodes(cancel)).toEqual(['ORDER_NOT_CANCELLABLE']);
      expect(cancel.errors?.[0]?.extensions?.['status']).toBe('SHIPPED');
      expect((await paymentOf(system, customer, placed.id))?.status).toBe('CAPTURED');
    });

    it('refuses to ship or cancel a FAILED order with stable codes', async () => {
      const customer = await registerCustomer(system, 'failed@example.com');
      // Amounts ending in 02 are always declined by the fake provider.
      const productId = await createStockedProduct(system, admin, 1_002, 5);
      const placed = await checkout(system, customer, productId);
      expect((await waitForFinalStatus(system, customer.token, placed.id)).status).toBe('FAILED');

      const ship = await system.graphql({ query: SHIP, token: admin.token, variables: { id: placed.id } });
      expect(errorCodes(ship)).toEqual(['ORDER_NOT_SHIPPABLE']);
      expect(ship.errors?.[0]?.extensions?.['status']).toBe('FAILED');
      const cancel = await system.graphql({ query: CANCEL, token: customer.token, variables: { id: placed.id } });
      expect(errorCodes(cancel)).toEqual(['ORDER_NOT_CANCELLABLE']);
      const unknown = await system.graphql({
        query: SHIP,
        token: admin.token,
        variables: { id: '01900000-0000-7000-8000-000000000000' },
      });
      expect(errorCodes(unknown)).toEqual(['NOT_FOUND']);
    });
  });

  describe('when a capture lands after the order failed', () => {
    let system: TestSystem;
    let admin: SignedInUser;
    beforeAll(async () => {
      // Holds expire after 1 s, and the provider takes 1.5 s per call: the hold runs out (and the
      // order fails) while the payment is being authorised, and the capture comes after that.
      system = await backgroundOnSharedSystem({
        ...CHECKOUT_TEST_ENV,
        PAYMENT_FAKE_LATENCY_MS: '1500',
        RESERVATION_TTL_SECONDS: '1',
        RESERVATION_SWEEP_INTERVAL_MS: '100',
      });
      admin = await createAdmin(system);
    });
    afterAll(() => system?.stop());

    it('refunds the late capture by itself, once', async () => {
      const customer = await registerCustomer(system, 'late-capture@example.com');
      const productId = await createStockedProduct(system, admin, 4_400, 5);
      const placed = await checkout(system, customer, productId);

      const order = await waitForFinalStatus(system, customer.token, placed.id);
      expect(order).toMatchObject({ status: 'FAILED', failureReason: expect.stringMatching(/expired/) });
      const payment = await refunded(system, customer, placed.id);
      expect(payment.refunds).toEqual([
        expect.objectContaining({
          status: 'SUCCEEDED',
          amount: { amount: 4_400 },
          reason: expect.stringMatching(/after/),
        }),
      ]);
      await sleep(2_000);
      expect(await gateway(system, 'captures', placed.id)).toHaveLength(1);
      expect(await gateway(system, 'refunds', placed.id)).toHaveLength(1);
      expect(await stockOf(system, productId)).toEqual({ onHand: 5, reserved: 0 });
    }, 60_000);
  });
});
