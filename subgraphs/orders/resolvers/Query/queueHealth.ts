import { requireAdmin } from '#lib/auth/guards';
import type { QueryResolvers } from '../../generated/resolvers-types.ts';

export const queueHealth: NonNullable<QueryResolvers['queueHealth']> = (_parent, _args, { viewer, queues }) => {
  requireAdmin(viewer);
  return queues.health();
};
