import { z } from 'zod';
import { requireViewer } from '#lib/auth/guards';
import { validateInput } from '#lib/graphql/validate-input';
import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import { idempotencyKeySchema, placeOrder as place } from '../../place-order.ts';

const argsSchema = z.object({ idempotencyKey: idempotencyKeySchema });

export const placeOrder: NonNullable<MutationResolvers['placeOrder']> = async (_parent, args, context) => {
  const caller = requireViewer(context.viewer);
  const { idempotencyKey } = validateInput(argsSchema, args);
  const order = await place(
    context.prisma,
    (id) => context.loaders.currentCatalogProduct.load(id),
    caller.userId,
    idempotencyKey,
  );
  context.logger.info({ orderId: order.id }, 'order placed');
  return order;
};
