import { requireViewer } from '#lib/auth/guards';
import { ErrorCode, userError } from '#lib/errors';
import { isUuid } from '#lib/ids';
import type { QueryResolvers } from '../../generated/resolvers-types.ts';
import { orderForViewer } from '../../orders.ts';

export const order: NonNullable<QueryResolvers['order']> = (_parent, { id }, { viewer, loaders }) => {
  const caller = requireViewer(viewer);
  if (!isUuid(id)) throw userError(ErrorCode.BadUserInput, 'id: not an order id.', { field: 'id' });
  return orderForViewer(loaders, caller, id);
};
