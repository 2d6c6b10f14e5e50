import { requireViewer } from '#lib/auth/guards';
import { validateInput } from '#lib/graphql/validate-input';
import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import { addToCart as add, cartLineInputSchema } from '../../carts.ts';

export const addToCart: NonNullable<MutationResolvers['addToCart']> = (_parent, args, { viewer, prisma, loaders }) => {
  const caller = requireViewer(viewer);
  const input = validateInput(cartLineInputSchema, args);
  return add(prisma, (id) => loaders.catalogProduct.load(id), caller.userId, input);
};
