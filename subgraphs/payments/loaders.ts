import { uuidKeyedLoader } from '#lib/graphql/keyed-loader';
import type { Payment, PrismaClient } from './generated/prisma/client.ts';

/** Per-request batching: the payments of N orders, or N Payment references, cost one query. */
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
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
