import { requireViewer } from '#lib/auth/guards';
import { validateInput } from '#lib/graphql/validate-input';
import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import { createProduct as create, createProductSchema } from '../../products.ts';

export const createProduct: NonNullable<MutationResolvers['createProduct']> = async (_parent, { input }, context) => {
  const admin = requireViewer(context.viewer);
  const product = await create(context.prisma, validateInput(createProductSchema, input), admin.userId);
  context.logger.info({ productId: product.id }, 'product created');
  return product;
};
