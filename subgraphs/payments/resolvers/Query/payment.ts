import { requireViewer } from '#lib/auth/guards';
import { ErrorCode, notFound, userError } from '#lib/errors';
import { isUuid } from '#lib/ids';
import type { QueryResolvers } from '../../generated/resolvers-types.ts';
import { visiblePayment } from '../../payment-access.ts';

/** Someone else's payment answers NOT_FOUND like an unknown id, so ids reveal nothing. */
export const payment: NonNullable<QueryResolvers['payment']> = async (_parent, { id }, { viewer, loaders }) => {
  const caller = requireViewer(viewer);
  if (!isUuid(id)) throw userError(ErrorCode.BadUserInput, 'id: not a payment id.', { field: 'id' });
  const found = visiblePayment(caller, await loaders.paymentById.load(id));
  if (!found) throw notFound('Payment');
  return found;
};
