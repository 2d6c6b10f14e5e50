import type { QueryResolvers } from '../../generated/resolvers-types.ts';
import { listOrders } from '../../orders.ts';

export const orders: NonNullable<QueryResolvers['orders']> = (_parent, { status, ...page }, { prisma }) => {
  return listOrders(prisma, { status }, page);
};
