import type { Logger } from '#lib/logger';
import type { Producer } from '#lib/queue/create-producer';
import { stepJobId } from '#lib/queue/job-ids';
import type { QueueName } from '#lib/queue/queue-names';
import { JobName } from '#lib/queue/queue-names';
import { sqlOf } from '#lib/prisma';
import type { OrderStatus, PrismaClient } from '../generated/prisma/client.ts';
import { transitionOrderSql } from '../transition-order.ts';
import { decideSagaStep, type SagaAction, type SagaEvent } from './saga-decisions.ts';

/** What the saga reads of an order: its state, and what the commands it sends carry. */
interface SagaOrder {
  status: OrderStatus;
  failureReason: string | null;
  userId: string;
  totalAmount: number;
  currency: string;
}

export interface SagaDeps {
  prisma: PrismaClient;
  inventory: Producer<typeof QueueName.Inventory>;
  payments: Producer<typeof QueueName.Payments>;
  notifications: Producer<typeof QueueName.NotificationsEmail>;
  logger: Logger;
}

/**
 * Handles one event for one order: reads the order (the saga's state is the order row itself),
 * decides, and carries the actions out in order. Every action is idempotent (conditional status
 * changes, commands under deterministic job ids), so a job that dies half-way is simply run again.
 * A status change that loses a race throws, and the retry decides again from the new state.
 */
export async function runSagaStep(deps: SagaDeps, orderId: string, event: SagaEvent): Promise<void> {
  // Plain SQL (see sqlOf): Prisma's query layer was the largest item of this worker's profile
  // after Redis. The lines are read only for the one action that needs them (most events need none).
  const { query } = sqlOf(deps.prisma);
  const {
    rows: [order],
  } = await query<SagaOrder>(
    `SELECT "status", "failureReason", "userId", "totalAmount", "currency" FROM "Order" WHERE "id" = $1::uuid`,
    [orderId],
  );
  if (!order) throw new Error(`order ${orderId} does not exist`);
  const money = { amount: order.totalAmount, currency: order.currency };
  const run = async (action: SagaAction): Promise<void> => {
    const id = (step: string) => stepJobId(orderId, step);
    switch (action.kind) {
      case 'reserve-stock': {
        const { rows: lines } = await query<{ productId: string; quantity: number }>(
          `SELECT "productId", "quantity" FROM "OrderLine" WHERE "orderId" = $1::uuid ORDER BY "id"`,
          [orderId],
        );
        return deps.inventory.add(JobName.ReserveStock, { orderId, lines }, id(JobName.ReserveStock));
      }
      case 'charge':
        return deps.payments.add(
          JobName.Charge,
          { orderId, userId: order.userId, ...money, idempotencyKey: `order-${orderId}` },
          id(JobName.Charge),
        );
      case 'confirm':
        await transitionOrderSql(query, orderId, 'CONFIRMED');
        return;
      case 'fail':
        await transitionOrderSql(query, orderId, 'FAILED', { failureReason: action.reason });
        return;
      case 'commit-reservation':
        return deps.inventory.add(JobName.CommitReservation, { orderId }, id(JobName.CommitReservation));
      case 'release-reservation':
        return deps.inventory.add(JobName.ReleaseReservation, { orderId }, id(JobName.ReleaseReservation));
      case 'cancel-payment':
        return deps.payments.add(JobName.CancelPayment, { orderId, reason: action.reason }, id(JobName.CancelPayment));
      case 'notify-confirmed':
        return deps.notifications.add(
          JobName.OrderConfirmed,
          { orderId, userId: order.userId, total: money },
          id(JobName.OrderConfirmed),
        );
      case 'notify-failed':
        return deps.notifications.add(
          JobName.OrderFailed,
          { orderId, userId: order.userId, reason: action.reason },
          id(JobName.OrderFailed),
        );
      case 'return-stock':
        return deps.inventory.add(JobName.ReturnStock, { orderId }, id(JobName.ReturnStock));
      case 'refund':
        return deps.payments.add(
          JobName.RefundPayment,
          { orderId, reason: action.reason },
          id(`${JobName.RefundPayment}-${action.cause}`),
        );
      case 'notify-cancelled':
        return deps.notifications.add(
          JobName.NotifyOrderCancelled,
          { orderId, userId: order.userId },
          id(JobName.NotifyOrderCancelled),
        );
      case 'notify-shipped':
        return deps.notifications.add(
          JobName.NotifyOrderShipped,
          { orderId, userId: order.userId },
          id(JobName.NotifyOrderShipped),
        );
      case 'alert':
        deps.logger.error({ orderId, status: order.status, event: event.type }, action.message);
        return;
    }
  };
  for (const action of decideSagaStep(order, event)) await run(action);
}
