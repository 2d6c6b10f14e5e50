import type { OrderResolvers } from '../generated/resolvers-types.ts';
import { requireViewer } from '#lib/auth/guards';
import { userReference } from '../entity-references.ts';
import { orderForViewer } from '../orders.ts';

export const Order: OrderResolvers = {
  // Other subgraphs (payments) refer to orders by id; the same ownership rule applies to them.
  __resolveReference: ({ id }, { viewer, loaders }) => orderForViewer(loaders, requireViewer(viewer), id),
  user: (order) => userReference(order.userId),
  lines: async (order, _args, { loaders }) =>
    (await loaders.linesByOrderId.load(order.id)).map((line) => ({ ...line, currency: order.currency })),
  total: (order) => ({ amount: order.totalAmount, currency: order.currency }),
};
