import type { QueryResolvers } from '../../generated/resolvers-types.ts';
import { listProducts } from '../../products.ts';

export const products: NonNullable<QueryResolvers['products']> = (_parent, args, { prisma }) =>
  listProducts(prisma, args);
