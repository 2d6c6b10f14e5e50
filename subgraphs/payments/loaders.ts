import { uuidKeyedLoader } from '#lib/graphql/keyed-loader';
import type { Payment, PrismaClient, Refund } from './generated/prisma/client.ts';

/** Per-request batching: the payments of N orders, or N Payment references (or their refunds), cost one query. */
export function createLoaders(prisma: PrismaClient) {
  return {
    paymentById: uuidKeyedLoader(
      (ids) => prisma.payment.findMany({ where: { id: { in: ids } } }),
      (payment: Payment) => payment.id,
    ),
    paymentByOrderId: uuidKeyedLoader(
      (orderIds) => prisma.payment.findMany({ where: { orderId: { in: orderIds } } }),
      (payment: Payment) => payment.orderId,
    ),
    /** A payment has at most one refund (unique paymentId): refunds are of the whole amount. */
    refundByPaymentId: uuidKeyedLoader(
      (paymentIds) => prisma.refund.findMany({ where: { paymentId: { in: paymentIds } } }),
      (refund: Refund) => refund.paymentId,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
