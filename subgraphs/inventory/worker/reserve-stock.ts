import type { Producer } from '#lib/queue/create-producer';
import { stepJobId } from '#lib/queue/job-ids';
import type { JobDataOf } from '#lib/queue/queue-jobs';
import type { QueueName } from '#lib/queue/queue-names';
import { JobName } from '#lib/queue/queue-names';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { reserveStock, type ReserveOutcome } from '../reservations.ts';

export interface ReserveStockDeps {
  prisma: PrismaClient;
  saga: Producer<typeof QueueName.OrdersSaga>;
  ttlSeconds: number;
}

/** The failure reason the order will carry, readable by the customer. */
export function refusalReason(outcome: Exclude<ReserveOutcome, { ok: true }>): string {
  if (outcome.reason === 'OUT_OF_STOCK') {
    return `out of stock: product ${outcome.productId} has ${outcome.available} available, ${outcome.requested} requested`;
  }
  return `stock reservation ${outcome.status.toLowerCase()}`;
}

/**
 * Holds the order's stock and answers the saga. Safe to run twice: reserveStock returns the
 * existing hold, and the reply's job id makes a second reply a no-op.
 */
export const reserveStockProcessor =
  ({ prisma, saga, ttlSeconds }: ReserveStockDeps) =>
  async ({ orderId, lines }: JobDataOf<typeof QueueName.Inventory, typeof JobName.ReserveStock>) => {
    const outcome = await reserveStock(prisma, { orderId, lines, ttlSeconds });
    if (outcome.ok) {
      await saga.add(JobName.StockReserved, { orderId }, stepJobId(orderId, JobName.StockReserved));
    } else {
      const reason = refusalReason(outcome);
      await saga.add(JobName.StockRefused, { orderId, reason }, stepJobId(orderId, JobName.StockRefused));
    }
  };
