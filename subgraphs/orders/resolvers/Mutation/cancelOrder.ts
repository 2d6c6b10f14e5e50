import { requireViewer } from '#lib/auth/guards';
import { ErrorCode, userError } from '#lib/errors';
import { isUuid } from '#lib/ids';
import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import { cancelOrder as cancel } from '../../order-lifecycle.ts';

export const cancelOrder: NonNullable<MutationResolvers['cancelOrder']> = async (_parent, { id }, context) => {
  const caller = requireViewer(context.viewer);
  if (!isUuid(id)) throw userError(ErrorCode.BadUserInput, 'id: not an order id.', { field: 'id' });
  const order = await cancel(context.prisma, caller, id);
  context.logger.info({ orderId: order.id }, 'order cancelled');
  return order;
};
