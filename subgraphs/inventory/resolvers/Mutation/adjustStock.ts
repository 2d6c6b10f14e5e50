import { requireViewer } from '#lib/auth/guards';
import { validateInput } from '#lib/graphql/validate-input';
import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import { adjustStock as adjust, adjustStockSchema } from '../../stock-changes.ts';

export const adjustStock: NonNullable<MutationResolvers['adjustStock']> = async (_parent, args, context) => {
  const admin = requireViewer(context.viewer);
  const input = validateInput(adjustStockSchema, args);
  const stock = await adjust(context.prisma, input, admin.userId);
  context.logger.info({ productId: input.productId, delta: input.delta, onHand: stock.onHand }, 'stock adjusted');
  context.loaders.stockByProductId.clear(input.productId).prime(input.productId, stock);
  return { id: input.productId };
};
