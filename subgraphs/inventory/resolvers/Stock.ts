import type { StockResolvers } from '../generated/resolvers-types.ts';
import { available } from '../stock-arithmetic.ts';

export const Stock: StockResolvers = {
  available: (stock) => available(stock),
};
