import type { PaymentResolvers } from '../generated/resolvers-types.ts';
import { visiblePayment } from '../payment-access.ts';

export const Payment: PaymentResolvers = {
  __resolveReference: async ({ id }, { viewer, loaders }) => visiblePayment(viewer, await loaders.paymentById.load(id)),
  amount: ({ amount, currency }) => ({ amount, currency }),
  order: ({ orderId }) => ({ id: orderId }),
  // Whoever may see the payment may see its refunds.
  refunds: async ({ id }, _args, { loaders }) => {
    const refund = await loaders.refundByPaymentId.load(id);
    return refund ? [refund] : [];
  },
};
