import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPrismaClient } from '#lib/prisma';
import { sharedSystem, type SharedTestSystem } from '#test/harness/system';
import { errorCodes, postGraphQL } from '#system/graphql-client';
import { createAdmin, registerCustomer, type SignedInUser } from '#testing/accounts';
import { asRouterFor } from '#test/harness/router-identity';
import type { Role } from '#lib/auth/viewer';
import { PrismaClient } from '#subgraphs/payments/generated/prisma/client';
import {
  PaymentConflictError,
  TransientPaymentError,
  chargeOrder,
  markPaymentFailed,
  type ChargeOrderInput,
} from '#subgraphs/payments/charge-order';
import { FakePaymentProvider } from '#subgraphs/payments/fake-gateway/fake-payment-provider';
import { refundPayment } from '#subgraphs/payments/refund-payment';

let system: SharedTestSystem;
let prisma: PrismaClient;
let admin: SignedInUser;
let payer: SignedInUser;
let stranger: SignedInUser;
let provider: FakePaymentProvider;

const charge = (overrides: Partial<ChargeOrderInput> = {}): ChargeOrderInput => ({
  orderId: randomUUID(),
  userId: payer.id,
  amount: 4999,
  currency: 'USD',
  idempotencyKey: `order-${randomUUID()}`,
  ...overrides,
});
const paymentOf = (orderId: string) => prisma.payment.findUniqueOrThrow({ where: { orderId } });

beforeAll(async () => {
  system = await sharedSystem();
  prisma = createPrismaClient(PrismaClient, { url: system.databaseUrls['payments']!, poolSize: 5 });
  admin = await createAdmin(system);
  payer = await registerCustomer(system, 'payer@example.com', 'Payer');
  stranger = await registerCustomer(system, 'stranger@example.com', 'Stranger');
});
afterAll(async () => {
  await prisma?.$disconnect();
});
beforeEach(() => {
  provider = new FakePaymentProvider({ declineRate: 0, latencyMs: 0, transientFailureRate: 0 });
});

describe('chargeOrder with the fake provider', () => {
  it('captures once when called twice for the same order', async () => {
    const input = charge();
    expect(await chargeOrder(prisma, provider, input)).toEqual({ status: 'CAPTURED' });
    expect(await chargeOrder(prisma, provider, input)).toEqual({ status: 'CAPTURED' });
    expect(provider.captures).toHaveLength(1);
    expect(provider.captures[0]?.amount).toBe(4999);
    const payment = await paymentOf(input.orderId);
    expect(payment).toMatchObject({ status: 'CAPTURED', attempts: 2, amount: 4999, lastError: null });
    expect(payment.providerReference).toMatch(/^auth_/);
  });

  it('captures once when called concurrently for the same order', async () => {
    const input = charge();
    const outcomes = await Promise.all([1, 2, 3].map(() => chargeOrder(prisma, provider, input)));
    expect(outcomes).toEqual([{ status: 'CAPTURED' }, { status: 'CAPTURED' }, { status: 'CAPTURED' }]);
    expect(provider.captures).toHaveLength(1);
    expect(await prisma.payment.count({ where: { orderId: input.orderId } })).toBe(1);
  });

  it('records a decline, and answers it again without asking the provider', async () => {
    const input = charge({ amount: 1002 });
    expect(await chargeOrder(prisma, provider, input)).toEqual({ status: 'DECLINED', reason: 'card_declined' });
    expect(await chargeOrder(prisma, provider, input)).toEqual({ status: 'DECLINED', reason: 'card_declined' });
    expect(provider.captures).toHaveLength(0);
    expect(await paymentOf(input.orderId)).toMatchObject({ status: 'DECLINED', attempts: 1 });
  });

  it('throws a transient error when the provider is unavailable, and the retry captures once', async () => {
    const input = charge();
    provider.failNext('before');
    const failure = await chargeOrder(prisma, provider, input).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TransientPaymentError);
    expect(await paymentOf(input.orderId)).toMatchObject({ status: 'PENDING', attempts: 1 });
    expect((await paymentOf(input.orderId)).lastError).toMatch(/unavailable/);

    expect(await chargeOrder(prisma, provider, input)).toEqual({ status: 'CAPTURED' });
    expect(provider.captures).toHaveLength(1);
    expect(await paymentOf(input.orderId)).toMatchObject({ status: 'CAPTURED', attempts: 3, lastError: null });
    const log = await prisma.paymentAttempt.findMany({
      where: { payment: { orderId: input.orderId } },
      orderBy: { id: 'asc' },
    });
    expect(log.map(({ operation, outcome }) => `${operation}:${outcome}`)).toEqual([
      'AUTHORIZE:TRANSIENT_ERROR',
      'AUTHORIZE:SUCCEEDED',
      'CAPTURE:SUCCEEDED',
    ]);
  });

  it('does not capture twice when the capture answer was lost and the charge is retried', async () => {
    const input = charge();
    // The authorisation succeeds; the capture takes effect but its answer is lost.
    provider.failNext('after', { operation: 'capture' });
    await expect(chargeOrder(prisma, provider, input)).rejects.toBeInstanceOf(TransientPaymentError);
    expect(await paymentOf(input.orderId)).toMatchObject({ status: 'AUTHORIZED' });
    expect(await chargeOrder(prisma, provider, input)).toEqual({ status: 'CAPTURED' });
    expect(provider.captures).toHaveLength(1);
  });

  it('refuses a different charge for an order already charged, and an idempotency key of another order', async () => {
    const input = charge();
    await chargeOrder(prisma, provider, input);
    await expect(chargeOrder(prisma, provider, { ...input, amount: 5000 })).rejects.toBeInstanceOf(
      PaymentConflictError,
    );
    await expect(chargeOrder(prisma, provider, { ...input, orderId: randomUUID() })).rejects.toBeInstanceOf(
      PaymentConflictError,
    );
    expect(provider.captures).toHaveLength(1);
  });

  it('refuses malformed charges before writing anything', async () => {
    const before = await prisma.payment.count();
    for (const bad of [
      charge({ amount: 0 }),
      charge({ amount: 10.5 }),
      charge({ currency: 'usd' }),
      charge({ orderId: 'x' }),
    ]) {
      await expect(chargeOrder(prisma, provider, bad)).rejects.toThrow();
    }
    expect(await prisma.payment.count()).toBe(before);
  });

  it('marks an open payment FAILED once the caller gives up, and then refuses to charge it', async () => {
    const input = charge();
    provider.failNext('before');
    await expect(chargeOrder(prisma, provider, input)).rejects.toBeInstanceOf(TransientPaymentError);
    expect(await markPaymentFailed(prisma, input.orderId, 'provider down for too long')).toBe(true);
    expect(await markPaymentFailed(prisma, input.orderId, 'again')).toBe(false);
    await expect(chargeOrder(prisma, provider, input)).rejects.toBeInstanceOf(PaymentConflictError);
    expect(provider.captures).toHaveLength(0);
  });
});

describe('refundPayment with the fake provider', () => {
  const refund = (orderId: string) => refundPayment(prisma, provider, { orderId, reason: 'order cancelled' });

  it('refunds a captured payment once, however often and concurrently it is asked', async () => {
    const input = charge();
    await chargeOrder(prisma, provider, input);
    const outcomes = await Promise.all([refund(input.orderId), refund(input.orderId), refund(input.orderId)]);
    expect(outcomes.every(({ status }) => status === 'REFUNDED')).toBe(true);
    expect(await refund(input.orderId)).toEqual(outcomes[0]);
    expect(provider.refunds).toEqual([
      expect.objectContaining({ idempotencyKey: `${input.idempotencyKey}:refund`, amount: 4999 }),
    ]);
    expect(await paymentOf(input.orderId)).toMatchObject({ status: 'REFUNDED' });
    const rows = await prisma.refund.findMany({ where: { orderId: input.orderId } });
    expect(rows).toEqual([expect.objectContaining({ status: 'SUCCEEDED', amount: 4999, reason: 'order cancelled' })]);
    // A redelivered charge for a refunded order answers as it did, and takes nothing again.
    expect(await chargeOrder(prisma, provider, input)).toEqual({ status: 'CAPTURED' });
    expect(provider.captures).toHaveLength(1);
  });

  it('refunds once when the refund answer was lost and the refund is retried', async () => {
    const input = charge();
    await chargeOrder(prisma, provider, input);
    provider.failNext('after', { operation: 'refund' });
    await expect(refund(input.orderId)).rejects.toBeInstanceOf(TransientPaymentError);
    expect(await prisma.refund.findFirst({ where: { orderId: input.orderId } })).toMatchObject({ status: 'PENDING' });
    expect(await refund(input.orderId)).toMatchObject({ status: 'REFUNDED' });
    expect(provider.refunds).toHaveLength(1);
  });

  it('stops an open charge instead, and refunds the capture that lands after all', async () => {
    const input = charge();
    provider.failNext('before', { operation: 'capture' });
    await expect(chargeOrder(prisma, provider, input)).rejects.toBeInstanceOf(TransientPaymentError);
    expect(await refund(input.orderId)).toEqual({ status: 'CHARGE_STOPPED' });
    expect(await paymentOf(input.orderId)).toMatchObject({ status: 'FAILED' });
    expect(provider.refunds).toHaveLength(0);
    expect(await refund(randomUUID())).toEqual({ status: 'NOTHING_TAKEN' });
  });

  it('records a capture that lands on a payment given up meanwhile, so it can be refunded', async () => {
    const input = charge();
    // The payment is given up while the provider is still authorising it.
    const authorizing = new FakePaymentProvider({ declineRate: 0, latencyMs: 300, transientFailureRate: 0 });
    const charging = chargeOrder(prisma, authorizing, input);
    await expect.poll(() => prisma.payment.count({ where: { orderId: input.orderId } })).toBe(1);
    expect(await markPaymentFailed(prisma, input.orderId, 'hold expired')).toBe(true);
    expect(await charging).toEqual({ status: 'CAPTURED' });
    expect(await paymentOf(input.orderId)).toMatchObject({
      status: 'CAPTURED',
      captureReference: expect.stringMatching(/^cap_/),
    });
    expect(await refundPayment(prisma, authorizing, { orderId: input.orderId, reason: 'late capture' })).toMatchObject({
      status: 'REFUNDED',
    });
    expect(authorizing.refunds).toHaveLength(1);
  });
});

const PAYMENT = /* GraphQL */ `
  query ($id: ID!) {
    payment(id: $id) {
      id
      status
      amount {
        amount
        currency
      }
      attempts
      order {
        id
        payment {
          id
        }
      }
    }
  }
`;
const ORDER_PAYMENTS = /* GraphQL */ `
  query ($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Order {
        id
        payment {
          status
        }
      }
    }
  }
`;

describe('payment visibility', () => {
  let orderId: string;
  let paymentId: string;
  beforeAll(async () => {
    provider = new FakePaymentProvider({ declineRate: 0, latencyMs: 0, transientFailureRate: 0 });
    const input = charge();
    await chargeOrder(prisma, provider, input);
    orderId = input.orderId;
    paymentId = (await paymentOf(orderId)).id;
  });

  it('shows a payment through the router to the customer who paid and to admins', async () => {
    const expected = {
      payment: {
        id: paymentId,
        status: 'CAPTURED',
        amount: { amount: 4999, currency: 'USD' },
        attempts: 2,
        order: { id: orderId, payment: { id: paymentId } },
      },
    };
    const asPayer = await system.graphql({ query: PAYMENT, variables: { id: paymentId }, token: payer.token });
    const asAdmin = await system.graphql({ query: PAYMENT, variables: { id: paymentId }, token: admin.token });
    expect(asPayer.errors).toBeUndefined();
    expect(asPayer.data).toEqual(expected);
    expect(asAdmin.data).toEqual(expected);
  });

  it('answers NOT_FOUND to another customer, UNAUTHENTICATED to an anonymous caller, BAD_USER_INPUT to a bad id', async () => {
    const asStranger = await system.graphql({ query: PAYMENT, variables: { id: paymentId }, token: stranger.token });
    const anonymous = await system.graphql({ query: PAYMENT, variables: { id: paymentId } });
    const unknown = await system.graphql({ query: PAYMENT, variables: { id: randomUUID() }, token: admin.token });
    const malformed = await system.graphql({ query: PAYMENT, variables: { id: 'abc' }, token: payer.token });
    expect(errorCodes(asStranger)).toEqual(['NOT_FOUND']);
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(unknown)).toEqual(['NOT_FOUND']);
    expect(errorCodes(malformed)).toEqual(['BAD_USER_INPUT']);
  });

  // Without the orders subgraph on this branch no router query reaches Order.payment from an
  // order, so this asks the payments subgraph for Order entities as the router would.
  it('resolves Order.payment for the payer and admins, null for others and for orders without a payment', async () => {
    const unpaid = randomUUID();
    const representations = [orderId, unpaid].map((id) => ({ __typename: 'Order', id }));
    // Straight to the subgraph, as the router would call it for each caller.
    const ask = async (caller?: SignedInUser, role: Role = 'CUSTOMER') =>
      postGraphQL(system.subgraphUrls['payments']!, {
        query: ORDER_PAYMENTS,
        variables: { representations },
        headers: await asRouterFor(caller ? { userId: caller.id, role } : null),
      });
    const captured = { id: orderId, payment: { status: 'CAPTURED' } };
    const none = { id: unpaid, payment: null };
    expect((await ask(payer)).data).toEqual({ _entities: [captured, none] });
    expect((await ask(admin, 'ADMIN')).data).toEqual({ _entities: [captured, none] });
    expect((await ask(stranger)).data).toEqual({ _entities: [{ id: orderId, payment: null }, none] });
    expect((await ask()).data).toEqual({ _entities: [{ id: orderId, payment: null }, none] });
  });
});
