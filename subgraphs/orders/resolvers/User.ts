import { requireOwnerOrAdmin } from '#lib/auth/guards';
import type { UserResolvers } from '../generated/resolvers-types.ts';
import { listOrders } from '../orders.ts';

export const User: UserResolvers = {
  orders: (user, args, { viewer, prisma }) => {
    requireOwnerOrAdmin(viewer, user.id);
    return listOrders(prisma, { userId: user.id }, args);
  },
};
