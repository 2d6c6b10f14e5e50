import type { RefundResolvers } from '../generated/resolvers-types.ts';

export const Refund: RefundResolvers = {
  amount: ({ amount, currency }) => ({ amount, currency }),
};
