import type { ProductResolvers } from '../generated/resolvers-types.ts';

export const Product: ProductResolvers = {
  __resolveReference: ({ id }, { loaders }) => loaders.productById.load(id),
  price: (product) => ({ amount: product.priceAmount, currency: product.currency }),
  createdBy: (product) => ({ __typename: 'User', id: product.createdById }),
  category: (product, _args, { loaders }) =>
    product.categoryId ? loaders.categoryById.load(product.categoryId) : null,
};
