import DataLoader from 'dataloader';
import { isUuid } from '#lib/ids';
import type { Payment, PrismaClient } from './generated/prisma/client.ts';

/** Per-request batching: the payments of N orders, or N Payment references, cost one query. */
export function createLoaders(prisma: PrismaClient) {
  return {
    paymentById: new DataLoader<string, Payment | null>(async (ids) => {
      const payments = await prisma.payment.findMany({ where: { id: { in: ids.filter(isUuid) } } });
      const byId = new Map(payments.map((payment) => [payment.id, payment]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    paymentByOrderId: new DataLoader<string, Payment | null>(async (orderIds) => {
      const payments = await prisma.payment.findMany({ where: { orderId: { in: orderIds.filter(isUuid) } } });
      const byOrderId = new Map(payments.map((payment) => [payment.orderId, payment]));
      return orderIds.map((orderId) => byOrderId.get(orderId) ?? null);
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
