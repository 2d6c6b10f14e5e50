import type { CartLineResolvers } from '../generated/resolvers-types.ts';
import { productReference } from '../entity-references.ts';
import { lineTotal } from '../money.ts';

export const CartLine: CartLineResolvers = {
  product: (line) => productReference(line.productId),
  unitPrice: (line) => ({ amount: line.unitPriceAmount, currency: line.currency }),
  lineTotal: (line) => ({ amount: lineTotal(line.unitPriceAmount, line.quantity), currency: line.currency }),
};
