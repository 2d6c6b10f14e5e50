import { ErrorCode, userError } from '#lib/errors';
import { isUuid } from '#lib/ids';
import { validateInput } from '#lib/graphql/validate-input';
import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import { updateProduct as update, updateProductSchema } from '../../products.ts';

export const updateProduct: NonNullable<MutationResolvers['updateProduct']> = (_parent, { id, input }, context) => {
  if (!isUuid(id)) throw userError(ErrorCode.BadUserInput, 'id: not a product id.', { field: 'id' });
  return update(context.prisma, id, validateInput(updateProductSchema, input));
};
