import type { Logger } from '#lib/logger';
import type { Producer } from '#lib/queue/create-producer';
import { stepJobId } from '#lib/queue/job-ids';
import type { QueueName } from '#lib/queue/queue-names';
import { JobName } from '#lib/queue/queue-names';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { transitionOrder } from '../transition-order.ts';
import { decideSagaStep, type SagaAction, type SagaEvent } from './saga-decisions.ts';

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
  // The lines are read only for the one action that needs them (most events need none).
  const order = await deps.prisma.order.findUnique({ where: { id: orderId } });
  if (!order) throw new Error(`order ${orderId} does not exist`);
  const money = { amount: order.totalAmount, currency: order.currency };
  const run = async (action: SagaAction): Promise<void> => {
    const id = (step: string) => stepJobId(orderId, step);
    switch (action.kind) {
      case 'reserve-stock': {
        const lines = await deps.prisma.orderLine.findMany({
          where: { orderId },
          select: { productId: true, quantity: true },
        });
        return deps.inventory.add(JobName.ReserveStock, { orderId, lines }, id(JobName.ReserveStock));
      }
      case 'charge':
        return deps.payments.add(
          JobName.Charge,
          { orderId, userId: order.userId, ...money, idempotencyKey: `order-${orderId}` },
          id(JobName.Charge),
        );
      case 'confirm':
        await transitionOrder(deps.prisma, orderId, 'CONFIRMED');
        return;
      case 'fail':
        await transitionOrder(deps.prisma, orderId, 'FAILED', { failureReason: action.reason });
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
