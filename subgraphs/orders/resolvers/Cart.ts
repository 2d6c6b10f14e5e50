import type { CartResolvers } from '../generated/resolvers-types.ts';
import { totalOf } from '../carts.ts';

export const Cart: CartResolvers = {
  total: (cart) => totalOf(cart.lines),
};
