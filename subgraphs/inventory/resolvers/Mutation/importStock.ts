import { requireViewer } from '#lib/auth/guards';
import { validateInput } from '#lib/graphql/validate-input';
import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import { importStock as importLevels, importStockSchema } from '../../stock-changes.ts';

export const importStock: NonNullable<MutationResolvers['importStock']> = async (_parent, args, context) => {
  const admin = requireViewer(context.viewer);
  const outcome = await importLevels(context.prisma, validateInput(importStockSchema, args), admin.userId);
  context.logger.info(outcome, 'stock imported');
  return outcome;
};
