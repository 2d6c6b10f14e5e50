import type { ProductResolvers } from '../generated/resolvers-types.ts';

export const Product: ProductResolvers = {
  __resolveReference: ({ id }, { loaders }) => loaders.productById.load(id),
  price: (product) => ({ amount: product.priceAmount, currency: product.currency }),
  createdBy: (product) => ({ __typename: 'User', id: product.createdById }),
};
