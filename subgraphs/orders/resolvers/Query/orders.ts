import { requireAdmin } from '#lib/auth/guards';
import type { QueryResolvers } from '../../generated/resolvers-types.ts';
import { listOrders } from '../../orders.ts';

export const orders: NonNullable<QueryResolvers['orders']> = (_parent, { status, ...page }, { viewer, prisma }) => {
  requireAdmin(viewer);
  return listOrders(prisma, { status }, page);
};
