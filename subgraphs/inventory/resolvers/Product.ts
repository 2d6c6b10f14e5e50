import { pageRequest, toConnection } from '#lib/graphql/pagination';
import type { ProductResolvers } from '../generated/resolvers-types.ts';
import { isInStock } from '../stock-arithmetic.ts';

export const Product: ProductResolvers = {
  // Any product id has stock, if only none: catalog decides which products exist.
  __resolveReference: ({ id }) => ({ id }),
  stock: ({ id }, _args, { loaders }) => loaders.stockByProductId.load(id),
  inStock: async ({ id }, _args, { loaders }) => isInStock(await loaders.stockByProductId.load(id)),
  stockMovements: async ({ id }, args, { loaders }) => {
    const request = pageRequest(args);
    const rows = await loaders.movementsByProduct.load({ productId: id, take: request.take, afterId: request.afterId });
    return toConnection(rows, request);
  },
};
