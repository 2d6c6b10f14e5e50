import type { SqlQuery } from '#lib/prisma';
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

/**
 * `transitionOrder` in plain SQL, for the saga's worker (see sqlOf): the same conditional UPDATE,
 * without Prisma's query layer and without answering the row (the saga needs none).
 */
export async function transitionOrderSql(
  query: SqlQuery,
  orderId: string,
  to: OrderStatus,
  options: { failureReason?: string; at?: Date } = {},
): Promise<void> {
  if (to === 'FAILED' && !options.failureReason) throw new Error('a move to FAILED needs a failureReason');
  const stamp = TRANSITION_TIMESTAMP[to];
  const moved = await query(
    `UPDATE "Order" SET "status" = $2::"OrderStatus", "${stamp}" = $3::timestamptz AT TIME ZONE 'UTC',
       "failureReason" = coalesce($4::text, "failureReason"), "updatedAt" = now() AT TIME ZONE 'UTC'
     WHERE "id" = $1::uuid AND "status" = ANY($5::"OrderStatus"[])`,
    [orderId, to, (options.at ?? new Date()).toISOString(), options.failureReason ?? null, statusesBefore(to)],
  );
  if (moved.rowCount === 1) return;
  const { rows } = await query<{ status: OrderStatus }>(`SELECT "status" FROM "Order" WHERE "id" = $1::uuid`, [
    orderId,
  ]);
  const status = rows[0]?.status ?? null;
  if (status !== to) throw new InvalidTransitionError(orderId, status, to);
}
