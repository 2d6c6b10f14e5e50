import type { OrderResolvers } from '../generated/resolvers-types.ts';
import { visiblePayment } from '../payment-access.ts';

export const Order: OrderResolvers = {
  __resolveReference: ({ id }) => ({ id }),
  payment: async ({ id }, _args, { viewer, loaders }) =>
    visiblePayment(viewer, await loaders.paymentByOrderId.load(id)),
};
