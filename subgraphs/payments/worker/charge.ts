import { UnrecoverableError } from 'bullmq';
import type { Producer } from '#lib/queue/create-producer';
import { stepJobId } from '#lib/queue/job-ids';
import type { JobDataOf } from '#lib/queue/queue-jobs';
import type { QueueName } from '#lib/queue/queue-names';
import { JobName } from '#lib/queue/queue-names';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { PaymentConflictError, chargeOrder, markPaymentFailed } from '../charge-order.ts';
import { PaymentProviderRejectedError, type PaymentProvider } from '../payment-provider.ts';
import { refundPayment } from '../refund-payment.ts';

export interface ChargeDeps {
  prisma: PrismaClient;
  provider: PaymentProvider;
  saga: Producer<typeof QueueName.OrdersSaga>;
}

/**
 * Charges the order and answers the saga. chargeOrder is idempotent (the Payment row and the
 * provider's idempotency keys), so a redelivered job moves no money twice; a temporary provider
 * failure throws and BullMQ retries with backoff. Conflicts and rejections never heal: no retry.
 */
export const chargeProcessor =
  ({ prisma, provider, saga }: ChargeDeps) =>
  async (charge: JobDataOf<typeof QueueName.Payments, typeof JobName.Charge>) => {
    let outcome;
    try {
      outcome = await chargeOrder(prisma, provider, charge);
    } catch (error) {
      if (error instanceof PaymentConflictError || error instanceof PaymentProviderRejectedError) {
        throw new UnrecoverableError(error.message);
      }
      throw error;
    }
    const { orderId } = charge;
    if (outcome.status === 'CAPTURED') {
      await saga.add(JobName.PaymentCaptured, { orderId }, stepJobId(orderId, JobName.PaymentCaptured));
    } else {
      const reason = `payment declined: ${outcome.reason}`;
      await saga.add(JobName.PaymentDeclined, { orderId, reason }, stepJobId(orderId, JobName.PaymentDeclined));
    }
  };

/**
 * The saga gave up on the order (its stock hold expired): an open payment is recorded as FAILED,
 * so a charge retried later by an operator is refused instead of taking money for a failed order.
 */
export const cancelPaymentProcessor =
  (prisma: PrismaClient) =>
  async ({ orderId, reason }: JobDataOf<typeof QueueName.Payments, typeof JobName.CancelPayment>) => {
    await markPaymentFailed(prisma, orderId, reason);
  };

/**
 * Gives a cancelled order's money back, or a capture that landed on an order that had failed or
 * been cancelled. refundPayment is idempotent (the Refund row and the provider key), so the saga
 * may ask more than once; a temporary provider failure throws and BullMQ retries with backoff.
 * A rejection never heals: no retry, the job waits in the dead-letter set for an operator.
 */
export const refundPaymentProcessor =
  ({ prisma, provider }: Pick<ChargeDeps, 'prisma' | 'provider'>) =>
  async (request: JobDataOf<typeof QueueName.Payments, typeof JobName.RefundPayment>) => {
    try {
      await refundPayment(prisma, provider, request);
    } catch (error) {
      if (error instanceof PaymentProviderRejectedError) throw new UnrecoverableError(error.message);
      throw error;
    }
  };
