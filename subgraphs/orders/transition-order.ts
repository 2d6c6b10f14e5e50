import type { Order, OrderStatus, PrismaClient } from './generated/prisma/client.ts';
import { TRANSITION_TIMESTAMP, statusesBefore } from './order-status.ts';

/** The order is not in a status it may move to `to` from (and is not already there). */
export class InvalidTransitionError extends Error {
  override readonly name = 'InvalidTransitionError';
  constructor(
    readonly orderId: string,
    readonly from: OrderStatus | null,
    readonly to: OrderStatus,
  ) {
    super(from ? `order ${orderId} cannot move from ${from} to ${to}` : `order ${orderId} does not exist`);
  }
}

/**
 * Moves an order to `to` and stamps the time, as one conditional UPDATE: two workers racing on
 * the same order cannot both move it, and an order already in `to` is answered unchanged, so a
 * retried job is harmless. A move to FAILED must say why (`failureReason`).
 */
export async function transitionOrder(
  prisma: Pick<PrismaClient, 'order'>,
  orderId: string,
  to: OrderStatus,
  options: { failureReason?: string; at?: Date } = {},
): Promise<Order> {
  if (to === 'FAILED' && !options.failureReason) throw new Error('a move to FAILED needs a failureReason');
  // updateManyAndReturn is one UPDATE ... RETURNING: the usual move costs one statement, and only
  // a move that changed nothing reads the order to tell a repeat from a refused move.
  const [moved] = await prisma.order.updateManyAndReturn({
    where: { id: orderId, status: { in: statusesBefore(to) } },
    data: {
      status: to,
      [TRANSITION_TIMESTAMP[to]]: options.at ?? new Date(),
      ...(options.failureReason !== undefined ? { failureReason: options.failureReason } : {}),
    },
  });
  if (moved) return moved;
  const order = await prisma.order.findUnique({ where: { id: orderId } });
  if (order?.status === to) return order;
  throw new InvalidTransitionError(orderId, order?.status ?? null, to);
}
