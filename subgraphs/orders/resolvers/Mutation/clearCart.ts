import { requireViewer } from '#lib/auth/guards';
import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import { clearCart as clear } from '../../carts.ts';

export const clearCart: NonNullable<MutationResolvers['clearCart']> = (_parent, _args, { viewer, prisma }) =>
  clear(prisma, requireViewer(viewer).userId);
