import type { QueryResolvers } from '../../generated/resolvers-types.ts';

export const queueHealth: NonNullable<QueryResolvers['queueHealth']> = (_parent, _args, { queues }) => {
  return queues.health();
};
