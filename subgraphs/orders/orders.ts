import { notFound } from '#lib/errors';
import { isAdmin, type Viewer } from '#lib/auth/viewer';
import { pageRequest, toConnection, type PageArgs } from '#lib/graphql/pagination';
import type { Order, OrderLine, OrderStatus, PrismaClient } from './generated/prisma/client.ts';
import type { Loaders } from './loaders.ts';

/** An order line with its order's currency, which every line of one order shares. */
export type OrderLineView = OrderLine & { currency: string };

/**
 * The order if the viewer may see it. Someone else's order is NOT_FOUND, exactly like an id that
 * does not exist, so probing ids reveals nothing about other customers' orders.
 */
export async function orderForViewer(loaders: Loaders, viewer: Viewer, id: string): Promise<Order> {
  const order = await loaders.orderById.load(id);
  if (!order || (order.userId !== viewer.userId && !isAdmin(viewer))) throw notFound('Order');
  return order;
}

/** One page of orders, newest first (UUIDv7 ids sort by creation time). */
export async function listOrders(
  prisma: PrismaClient,
  filter: { userId?: string; status?: OrderStatus | null | undefined },
  args: PageArgs,
) {
  const request = pageRequest(args);
  const rows = await prisma.order.findMany({
    where: {
      ...(filter.userId ? { userId: filter.userId } : {}),
      ...(filter.status ? { status: filter.status } : {}),
      ...(request.afterId ? { id: { lt: request.afterId } } : {}),
    },
    orderBy: { id: 'desc' },
    take: request.take,
  });
  return toConnection(rows, request);
}
