import { validateInput } from '#lib/graphql/validate-input';
import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import { createCategory as create, createCategorySchema } from '../../categories.ts';

export const createCategory: NonNullable<MutationResolvers['createCategory']> = (_parent, { input }, context) =>
  create(context.prisma, validateInput(createCategorySchema, input));
