import { requireViewer } from '#lib/auth/guards';
import { validateInput } from '#lib/graphql/validate-input';
import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import { importProducts as importAll, importProductsSchema } from '../../products.ts';

export const importProducts: NonNullable<MutationResolvers['importProducts']> = async (_parent, args, context) => {
  const admin = requireViewer(context.viewer);
  const { products } = validateInput(importProductsSchema, args);
  const created = await importAll(context.prisma, products, admin.userId);
  context.logger.info({ products: created.length }, 'products imported');
  return created;
};
