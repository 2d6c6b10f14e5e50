import { requireViewer } from '#lib/auth/guards';
import { validateInput } from '#lib/graphql/validate-input';
import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import { cartLineInputSchema, updateCartLine as update } from '../../carts.ts';

export const updateCartLine: NonNullable<MutationResolvers['updateCartLine']> = (
  _parent,
  args,
  { viewer, prisma, loaders },
) => {
  const caller = requireViewer(viewer);
  const input = validateInput(cartLineInputSchema, args);
  return update(prisma, (id) => loaders.catalogProduct.load(id), caller.userId, input);
};
