import { ErrorCode, userError } from '#lib/errors';
import { isUuid } from '#lib/ids';
import type { QueryResolvers } from '../../generated/resolvers-types.ts';

export const product: NonNullable<QueryResolvers['product']> = (_parent, { id }, { loaders }) => {
  if (!isUuid(id)) throw userError(ErrorCode.BadUserInput, 'id: not a product id.', { field: 'id' });
  return loaders.productById.load(id);
};
