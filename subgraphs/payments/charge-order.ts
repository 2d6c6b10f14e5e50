import { z } from 'zod';
import type { Payment, PaymentOperation, PaymentStatus, PrismaClient } from './generated/prisma/client.ts';
import { PaymentProviderUnavailableError, type PaymentProvider } from './payment-provider.ts';

/** Largest single charge in minor units; keeps amounts well inside a 32-bit Int. */
export const MAX_CHARGE_AMOUNT = 1_000_000_000;

export const chargeOrderSchema = z.object({
  orderId: z.uuid(),
  userId: z.uuid(),
  amount: z.number().int().min(1).max(MAX_CHARGE_AMOUNT),
  currency: z.string().regex(/^[A-Z]{3}$/),
  idempotencyKey: z.string().min(1).max(200),
});
export type ChargeOrderInput = z.infer<typeof chargeOrderSchema>;

export type ChargeOutcome = { status: 'CAPTURED' } | { status: 'DECLINED'; reason: string };

/** The provider failed temporarily; calling chargeOrder again with the same input is safe. */
export class TransientPaymentError extends Error {
  override readonly name = 'TransientPaymentError';
}

/** The order already has a payment that this charge does not match, or one that cannot be charged. */
export class PaymentConflictError extends Error {
  override readonly name = 'PaymentConflictError';
}

/** A payment the provider has not finished with: no money taken yet. */
export const OPEN_STATUSES: PaymentStatus[] = ['PENDING', 'AUTHORIZED'];

/**
 * Charges an order once, however often it is called: the Payment row (unique per order and per
 * idempotency key) remembers how far the charge got, and every provider call reuses a key derived
 * from the idempotency key, so a call repeated after a crash or a lost answer moves no money
 * twice. Answers CAPTURED or DECLINED (final, also on later calls); throws TransientPaymentError
 * for temporary provider failures (retry), PaymentConflictError or a ZodError for calls that can
 * never succeed (do not retry).
 */
export async function chargeOrder(
  prisma: PrismaClient,
  provider: PaymentProvider,
  input: ChargeOrderInput,
): Promise<ChargeOutcome> {
  const charge = chargeOrderSchema.parse(input);
  const payment = await findOrCreatePayment(prisma, charge);
  // A refunded payment was captured first: a redelivered charge answers as it did then.
  if (payment.status === 'CAPTURED' || payment.status === 'REFUNDED') return { status: 'CAPTURED' };
  if (payment.status === 'DECLINED') return { status: 'DECLINED', reason: payment.declineReason ?? 'declined' };
  if (!OPEN_STATUSES.includes(payment.status)) {
    throw new PaymentConflictError(`the payment of order ${charge.orderId} is ${payment.status}`);
  }

  let authorizationId = payment.providerReference;
  if (!authorizationId) {
    const authorization = await callProvider(
      prisma,
      payment.id,
      'AUTHORIZE',
      () =>
        provider.authorize({
          idempotencyKey: `${charge.idempotencyKey}:authorize`,
          amount: charge.amount,
          currency: charge.currency,
        }),
      (result) => result.status === 'DECLINED',
    );
    if (authorization.status === 'DECLINED') {
      await settle(prisma, payment.id, { status: 'DECLINED', declineReason: authorization.reason });
      return { status: 'DECLINED', reason: authorization.reason };
    }
    authorizationId = authorization.authorizationId;
    await settle(prisma, payment.id, { status: 'AUTHORIZED', providerReference: authorizationId });
  }
  const capture = await callProvider(prisma, payment.id, 'CAPTURE', () =>
    provider.capture({ idempotencyKey: `${charge.idempotencyKey}:capture`, authorizationId }),
  );
  // The money was taken, so the row says so even if the payment was given up (FAILED) while the
  // capture was on its way: the saga then hears of the capture and has it refunded.
  await settle(prisma, payment.id, { status: 'CAPTURED', captureReference: capture.captureId, lastError: null }, [
    ...OPEN_STATUSES,
    'FAILED',
  ]);
  return { status: 'CAPTURED' };
}

/**
 * Marks an open payment FAILED, for a caller that has given up retrying temporary errors.
 * Answers false if the payment is missing or already final.
 */
export async function markPaymentFailed(prisma: PrismaClient, orderId: string, reason: string): Promise<boolean> {
  const { count } = await prisma.payment.updateMany({
    where: { orderId, status: { in: OPEN_STATUSES } },
    data: { status: 'FAILED', lastError: reason },
  });
  return count === 1;
}

async function findOrCreatePayment(prisma: PrismaClient, charge: ChargeOrderInput): Promise<Payment> {
  // Concurrent first calls race on the unique keys; the loser reads the winner's row.
  await prisma.payment.createMany({ data: [charge], skipDuplicates: true });
  const payment = await prisma.payment.findUnique({ where: { orderId: charge.orderId } });
  const same =
    payment &&
    payment.idempotencyKey === charge.idempotencyKey &&
    payment.userId === charge.userId &&
    payment.amount === charge.amount &&
    payment.currency === charge.currency;
  if (!same) {
    throw new PaymentConflictError(
      `order ${charge.orderId} or idempotency key ${charge.idempotencyKey} already belongs to a different charge`,
    );
  }
  return payment;
}

/** Counts and logs one provider call; a temporary failure is recorded and rethrown as transient. */
export async function callProvider<T>(
  prisma: PrismaClient,
  paymentId: string,
  operation: PaymentOperation,
  call: () => Promise<T>,
  isDecline: (result: T) => boolean = () => false,
): Promise<T> {
  await prisma.payment.update({ where: { id: paymentId }, data: { attempts: { increment: 1 } } });
  try {
    const result = await call();
    await prisma.paymentAttempt.create({
      data: { paymentId, operation, outcome: isDecline(result) ? 'DECLINED' : 'SUCCEEDED' },
    });
    return result;
  } catch (error) {
    if (!(error instanceof PaymentProviderUnavailableError)) throw error;
    await prisma.$transaction([
      prisma.payment.update({ where: { id: paymentId }, data: { lastError: error.message } }),
      prisma.paymentAttempt.create({
        data: { paymentId, operation, outcome: 'TRANSIENT_ERROR', detail: error.message },
      }),
    ]);
    throw new TransientPaymentError(`payment provider unavailable during ${operation}: ${error.message}`, {
      cause: error,
    });
  }
}

/** Moves an open payment forward; a payment another call already finished is left as it is. */
async function settle(
  prisma: PrismaClient,
  paymentId: string,
  data: {
    status: PaymentStatus;
    providerReference?: string;
    captureReference?: string;
    declineReason?: string;
    lastError?: null;
  },
  from: PaymentStatus[] = OPEN_STATUSES,
) {
  await prisma.payment.updateMany({ where: { id: paymentId, status: { in: from } }, data });
}
