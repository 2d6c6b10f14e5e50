import type { QueryResolvers } from '../../generated/resolvers-types.ts';
import { listCategories } from '../../categories.ts';

export const categories: NonNullable<QueryResolvers['categories']> = (_parent, _args, { prisma }) =>
  listCategories(prisma);

export const category: NonNullable<QueryResolvers['category']> = (_parent, { slug }, { prisma }) =>
  prisma.category.findUnique({ where: { slug } });
