import { requireAdmin } from '#lib/auth/guards';
import { ErrorCode, userError } from '#lib/errors';
import { isUuid } from '#lib/ids';
import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import { shipOrder as ship } from '../../order-lifecycle.ts';

export const shipOrder: NonNullable<MutationResolvers['shipOrder']> = async (_parent, { id }, context) => {
  const admin = requireAdmin(context.viewer);
  if (!isUuid(id)) throw userError(ErrorCode.BadUserInput, 'id: not an order id.', { field: 'id' });
  const order = await ship(context.prisma, id);
  context.logger.info({ orderId: order.id, adminId: admin.userId }, 'order shipped');
  return order;
};
