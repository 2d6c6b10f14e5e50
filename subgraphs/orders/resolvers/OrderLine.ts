import type { OrderLineResolvers } from '../generated/resolvers-types.ts';
import { productReference } from '../entity-references.ts';

export const OrderLine: OrderLineResolvers = {
  product: (line) => productReference(line.productId),
  unitPrice: (line) => ({ amount: line.unitPriceAmount, currency: line.currency }),
  lineTotal: (line) => ({ amount: line.lineTotalAmount, currency: line.currency }),
};
