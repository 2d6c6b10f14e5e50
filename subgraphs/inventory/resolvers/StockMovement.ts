import type { StockMovementResolvers } from '../generated/resolvers-types.ts';

export const StockMovement: StockMovementResolvers = {
  actor: ({ actorId }) => (actorId ? { __typename: 'User', id: actorId } : null),
};
