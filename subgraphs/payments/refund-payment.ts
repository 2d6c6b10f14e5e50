import { z } from 'zod';
import type { Payment, PrismaClient } from './generated/prisma/client.ts';
import { OPEN_STATUSES, callProvider, markPaymentFailed } from './charge-order.ts';
import type { PaymentProvider } from './payment-provider.ts';

export const refundPaymentSchema = z.object({
  orderId: z.uuid(),
  reason: z.string().min(1).max(500),
});
export type RefundPaymentInput = z.infer<typeof refundPaymentSchema>;

export type RefundOutcome =
  /** The money is back with the customer (by this call or an earlier one). */
  | { status: 'REFUNDED'; refundId: string }
  /** The charge was still open: it is marked FAILED, so it takes no money (a capture already on its way is refunded when it lands). */
  | { status: 'CHARGE_STOPPED' }
  /** No payment, or one that was declined or failed: no money was taken. */
  | { status: 'NOTHING_TAKEN' };

/**
 * The capture a refund names. Payments captured before the capture id was kept have none: a
 * capture repeated with its first idempotency key answers with the first capture's id and takes
 * no money again, which is what every provider promises for a repeated key.
 */
async function captureIdOf(provider: PaymentProvider, payment: Payment): Promise<string> {
  if (payment.captureReference) return payment.captureReference;
  if (!payment.providerReference) throw new Error(`payment ${payment.id} was captured without an authorisation`);
  const capture = await provider.capture({
    idempotencyKey: `${payment.idempotencyKey}:capture`,
    authorizationId: payment.providerReference,
  });
  return capture.captureId;
}

/**
 * Gives an order's money back, once however often it is called: the Refund row (one per payment,
 * refunds being of the whole amount) remembers the refund, and every provider call for it carries
 * the key `<charge key>:refund`, so a call repeated after a crash or a lost answer pays out once.
 * A charge still open is stopped instead (marked FAILED). Throws TransientPaymentError for
 * temporary provider failures (retry), PaymentProviderRejectedError for a refund that can never
 * succeed.
 */
export async function refundPayment(
  prisma: PrismaClient,
  provider: PaymentProvider,
  input: RefundPaymentInput,
): Promise<RefundOutcome> {
  const { orderId, reason } = refundPaymentSchema.parse(input);
  const payment = await prisma.payment.findUnique({ where: { orderId } });
  if (!payment) return { status: 'NOTHING_TAKEN' };
  if (OPEN_STATUSES.includes(payment.status)) {
    if (await markPaymentFailed(prisma, orderId, reason)) return { status: 'CHARGE_STOPPED' };
    // The charge finished meanwhile: decide again from where it ended.
    return refundPayment(prisma, provider, input);
  }
  if (payment.status !== 'CAPTURED' && payment.status !== 'REFUNDED') return { status: 'NOTHING_TAKEN' };

  // Concurrent first calls race on the unique paymentId; the loser reads the winner's row.
  await prisma.refund.createMany({
    data: [
      {
        paymentId: payment.id,
        orderId,
        amount: payment.amount,
        currency: payment.currency,
        reason,
        idempotencyKey: `${payment.idempotencyKey}:refund`,
      },
    ],
    skipDuplicates: true,
  });
  const refund = await prisma.refund.findUniqueOrThrow({ where: { paymentId: payment.id } });
  if (refund.status === 'SUCCEEDED') return { status: 'REFUNDED', refundId: refund.providerReference! };

  const result = await callProvider(prisma, payment.id, 'REFUND', async () =>
    provider.refund({ idempotencyKey: refund.idempotencyKey, captureId: await captureIdOf(provider, payment) }),
  );
  await prisma.$transaction([
    prisma.refund.update({
      where: { id: refund.id },
      data: { status: 'SUCCEEDED', providerReference: result.refundId, refundedAt: new Date() },
    }),
    prisma.payment.update({ where: { id: payment.id }, data: { status: 'REFUNDED', lastError: null } }),
  ]);
  return { status: 'REFUNDED', refundId: result.refundId };
}
