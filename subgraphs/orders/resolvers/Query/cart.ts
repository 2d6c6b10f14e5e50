import { requireViewer } from '#lib/auth/guards';
import type { QueryResolvers } from '../../generated/resolvers-types.ts';
import { getCart } from '../../carts.ts';

export const cart: NonNullable<QueryResolvers['cart']> = (_parent, _args, { viewer, prisma }) =>
  getCart(prisma, requireViewer(viewer).userId);
