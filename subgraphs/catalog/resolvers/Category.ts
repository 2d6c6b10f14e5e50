import type { CategoryResolvers } from '../generated/resolvers-types.ts';
import { resolveProducts } from './Query/products.ts';

export const Category: CategoryResolvers = {
  __resolveReference: ({ id }, { loaders }) => loaders.categoryById.load(id),
  products: (category, args, context, info) =>
    resolveProducts({ ...args, filter: { ...args.filter, categoryId: category.id } }, context, info),
};
