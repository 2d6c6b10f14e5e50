import { requireViewer } from '#lib/auth/guards';
import { validateInput } from '#lib/graphql/validate-input';
import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import { removeFromCart as remove, removeInputSchema } from '../../carts.ts';

export const removeFromCart: NonNullable<MutationResolvers['removeFromCart']> = (_parent, args, { viewer, prisma }) => {
  const caller = requireViewer(viewer);
  return remove(prisma, caller.userId, validateInput(removeInputSchema, args).productId);
};
