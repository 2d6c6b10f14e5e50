import { requireViewer } from '#lib/auth/guards';
import { validateInput } from '#lib/graphql/validate-input';
import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import { setStock as set, setStockSchema } from '../../stock-changes.ts';

export const setStock: NonNullable<MutationResolvers['setStock']> = async (_parent, args, context) => {
  const admin = requireViewer(context.viewer);
  const input = validateInput(setStockSchema, args);
  const stock = await set(context.prisma, input, admin.userId);
  context.logger.info({ productId: input.productId, onHand: stock.onHand }, 'stock set');
  context.loaders.stockByProductId.clear(input.productId).prime(input.productId, stock);
  return { id: input.productId };
};
