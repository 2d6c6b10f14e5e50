import { z } from 'zod';
import { uuidv7 } from '#lib/ids';
import { sqlOf, type SqlQuery } from '#lib/prisma';
import type { PaymentOperation, PaymentStatus, PrismaClient } from './generated/prisma/client.ts';
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
  // Plain SQL (see sqlOf) on this hot path: a first charge is three statements (the payment with
  // its first call counted, the authorisation with the capture's call counted, the capture),
  // where Prisma's query layer sent eight.
  const { query } = sqlOf(prisma);
  const payment = await findOrCreatePayment(query, charge);
  // A refunded payment was captured first: a redelivered charge answers as it did then.
  if (payment.status === 'CAPTURED' || payment.status === 'REFUNDED') return { status: 'CAPTURED' };
  if (payment.status === 'DECLINED') return { status: 'DECLINED', reason: payment.declineReason ?? 'declined' };
  if (!OPEN_STATUSES.includes(payment.status)) {
    throw new PaymentConflictError(`the payment of order ${charge.orderId} is ${payment.status}`);
  }

  let authorizationId = payment.providerReference;
  // A new payment was inserted with its authorisation call already counted.
  let counted = payment.created;
  if (!authorizationId) {
    if (!counted) await countCall(query, payment.id);
    const authorization = await callCounted(query, payment.id, 'AUTHORIZE', () =>
      provider.authorize({
        idempotencyKey: `${charge.idempotencyKey}:authorize`,
        amount: charge.amount,
        currency: charge.currency,
      }),
    );
    if (authorization.status === 'DECLINED') {
      await recordCall(query, payment.id, 'AUTHORIZE', 'DECLINED', {
        set: `"status" = 'DECLINED', "declineReason" = $5::text`,
        values: [authorization.reason],
        from: OPEN_STATUSES,
      });
      return { status: 'DECLINED', reason: authorization.reason };
    }
    authorizationId = authorization.authorizationId;
    // The authorisation is recorded and the capture's call counted in one statement; the count
    // goes up whatever the status, as the capture below is made whatever the status.
    await recordCall(query, payment.id, 'AUTHORIZE', 'SUCCEEDED', {
      set: `"attempts" = "attempts" + 1,
        "status" = CASE WHEN "status" IN ('PENDING', 'AUTHORIZED') THEN 'AUTHORIZED' ELSE "status" END,
        "providerReference" = CASE WHEN "status" IN ('PENDING', 'AUTHORIZED') THEN $5::text ELSE "providerReference" END`,
      values: [authorizationId],
    });
    counted = true;
  } else {
    counted = false;
  }
  if (!counted) await countCall(query, payment.id);
  const capture = await callCounted(query, payment.id, 'CAPTURE', () =>
    provider.capture({ idempotencyKey: `${charge.idempotencyKey}:capture`, authorizationId }),
  );
  // The money was taken, so the row says so even if the payment was given up (FAILED) while the
  // capture was on its way: the saga then hears of the capture and has it refunded.
  await recordCall(query, payment.id, 'CAPTURE', 'SUCCEEDED', {
    set: `"status" = 'CAPTURED', "captureReference" = $5::text, "lastError" = NULL`,
    values: [capture.captureId],
    from: [...OPEN_STATUSES, 'FAILED'],
  });
  return { status: 'CAPTURED' };
}

interface PaymentRow {
  id: string;
  orderId: string;
  userId: string;
  amount: number;
  currency: string;
  idempotencyKey: string;
  status: PaymentStatus;
  providerReference: string | null;
  declineReason: string | null;
  /** Inserted by this call (with its first provider call counted). */
  created: boolean;
}

const PAYMENT_COLUMNS = `"id", "orderId", "userId", "amount", "currency", "idempotencyKey", "status",
  "providerReference", "declineReason"`;

async function findOrCreatePayment(query: SqlQuery, charge: ChargeOrderInput): Promise<PaymentRow> {
  // Concurrent first calls race on the unique keys; the loser reads the winner's row. A new
  // payment's authorisation call is counted as it is inserted: it is the next thing that happens.
  const inserted = await query<PaymentRow>(
    `INSERT INTO "Payment" ("id", "orderId", "userId", "amount", "currency", "idempotencyKey", "attempts")
     VALUES ($1::uuid, $2::uuid, $3::uuid, $4::int, $5::char(3), $6::text, 1)
     ON CONFLICT DO NOTHING RETURNING ${PAYMENT_COLUMNS}, true AS "created"`,
    [uuidv7(), charge.orderId, charge.userId, charge.amount, charge.currency, charge.idempotencyKey],
  );
  const payment =
    inserted.rows[0] ??
    (
      await query<PaymentRow>(
        `SELECT ${PAYMENT_COLUMNS}, false AS "created" FROM "Payment" WHERE "orderId" = $1::uuid`,
        [charge.orderId],
      )
    ).rows[0];
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

/** Counts one provider call about to be made. */
async function countCall(query: SqlQuery, paymentId: string): Promise<void> {
  await query(
    `UPDATE "Payment" SET "attempts" = "attempts" + 1, "updatedAt" = now() AT TIME ZONE 'UTC' WHERE "id" = $1::uuid`,
    [paymentId],
  );
}

/**
 * Logs one provider call in PaymentAttempt and changes the payment in the same statement: `set`
 * (its own values from $5) only while the payment's status is one of `from`, when given.
 */
async function recordCall(
  query: SqlQuery,
  paymentId: string,
  operation: PaymentOperation,
  outcome: 'SUCCEEDED' | 'DECLINED' | 'TRANSIENT_ERROR',
  change: { set: string; values: readonly unknown[]; from?: readonly PaymentStatus[]; detail?: string },
): Promise<void> {
  const from = change.from ? `AND "status" = ANY($4::"PaymentStatus"[])` : 'AND $4::text[] IS NULL';
  await query(
    `WITH attempt AS (
       INSERT INTO "PaymentAttempt" ("id", "paymentId", "operation", "outcome", "detail")
       VALUES ($2::uuid, $1::uuid, $3::"PaymentOperation", '${outcome}', ${change.detail === undefined ? 'NULL' : `$6::text`}))
     UPDATE "Payment" SET ${change.set}, "updatedAt" = now() AT TIME ZONE 'UTC'
     WHERE "id" = $1::uuid ${from}`,
    [
      paymentId,
      uuidv7(),
      operation,
      change.from ?? null,
      ...change.values,
      ...(change.detail === undefined ? [] : [change.detail]),
    ],
  );
}

/** Makes a counted provider call; a temporary failure is recorded and rethrown as transient. */
async function callCounted<T>(
  query: SqlQuery,
  paymentId: string,
  operation: PaymentOperation,
  call: () => Promise<T>,
): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!(error instanceof PaymentProviderUnavailableError)) throw error;
    await recordCall(query, paymentId, operation, 'TRANSIENT_ERROR', {
      set: `"lastError" = $5::text`,
      values: [error.message],
      detail: error.message,
    });
    throw new TransientPaymentError(`payment provider unavailable during ${operation}: ${error.message}`, {
      cause: error,
    });
  }
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
