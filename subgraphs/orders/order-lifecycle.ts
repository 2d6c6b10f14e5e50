import { ErrorCode, forbidden, notFound, userError } from '#lib/errors';
import { isAdmin, type Viewer } from '#lib/auth/viewer';
import { uuidv7 } from '#lib/ids';
import type { Order, OrderStatus, PrismaClient } from './generated/prisma/client.ts';
import { TRANSITION_TIMESTAMP, statusesBefore } from './order-status.ts';
import { OrderEventType, outboxPayload } from './outbox.ts';

type LaterStatus = Extract<OrderStatus, 'CANCELLED' | 'SHIPPED'>;

const EVENT_OF: Record<LaterStatus, OrderEventType> = {
  CANCELLED: OrderEventType.OrderCancelled,
  SHIPPED: OrderEventType.OrderShipped,
};

/**
 * Moves an order after checkout and writes its outbox event in one transaction, as placeOrder
 * does, so the saga that carries out the consequences (refund, stock, notice) hears of every move
 * once, even when Redis or a worker is down at the time. The move is one conditional UPDATE: of
 * two calls racing, one moves the order and writes the event, the other finds the order already
 * in `to` and answers it unchanged. Answers the status instead when the order cannot move to `to`.
 */
async function moveWithEvent(prisma: PrismaClient, orderId: string, to: LaterStatus): Promise<Order | OrderStatus> {
  return prisma.$transaction(async (tx) => {
    const [moved] = await tx.order.updateManyAndReturn({
      where: { id: orderId, status: { in: statusesBefore(to) } },
      data: { status: to, [TRANSITION_TIMESTAMP[to]]: new Date() },
    });
    if (!moved) {
      const order = await tx.order.findUniqueOrThrow({ where: { id: orderId } });
      return order.status === to ? order : order.status;
    }
    await tx.$executeRaw`
      INSERT INTO "OutboxEvent" ("id", "aggregateId", "type", "payload")
      VALUES (${uuidv7()}::uuid, ${orderId}::uuid, ${EVENT_OF[to]},
              ${JSON.stringify(outboxPayload({ orderId, userId: moved.userId }))}::jsonb)`;
    return moved;
  });
}

const isOrder = (result: Order | OrderStatus): result is Order => typeof result !== 'string';

/**
 * Cancels the viewer's own order while it is PENDING or CONFIRMED; the saga then returns its stock,
 * refunds a captured payment and sends a notice. Cancelling a cancelled order answers it again.
 * NOT_FOUND for an order the viewer cannot see (as `order(id)`), FORBIDDEN for an admin's attempt
 * on a customer's order (cancelling is the customer's decision), ORDER_NOT_CANCELLABLE otherwise.
 */
export async function cancelOrder(prisma: PrismaClient, viewer: Viewer, orderId: string): Promise<Order> {
  const order = await prisma.order.findUnique({ where: { id: orderId } });
  if (!order || (order.userId !== viewer.userId && !isAdmin(viewer))) throw notFound('Order');
  if (order.userId !== viewer.userId) throw forbidden('Only the customer who placed an order can cancel it.');
  const result = await moveWithEvent(prisma, orderId, 'CANCELLED');
  if (isOrder(result)) return result;
  throw userError(ErrorCode.OrderNotCancellable, `An order that is ${result} cannot be cancelled.`, {
    status: result,
  });
}

/** Marks a CONFIRMED order SHIPPED (admins only; the resolver checks) and has the customer told. */
export async function shipOrder(prisma: PrismaClient, orderId: string): Promise<Order> {
  const exists = await prisma.order.count({ where: { id: orderId } });
  if (!exists) throw notFound('Order');
  const result = await moveWithEvent(prisma, orderId, 'SHIPPED');
  if (isOrder(result)) return result;
  throw userError(ErrorCode.OrderNotShippable, `Only a CONFIRMED order can ship; this one is ${result}.`, {
    status: result,
  });
}
