import { UnrecoverableError } from 'bullmq';
import type { JobDataOf } from '#lib/queue/queue-jobs';
import type { JobName, QueueName } from '#lib/queue/queue-names';
import type { NotificationTemplate, Prisma, PrismaClient } from '../generated/prisma/client.ts';
import type { DeliveryChannel } from '../channels/delivery-channel.ts';
import { deliverNotification } from '../deliver-notification.ts';
import type { RecipientLookup } from '../recipient-lookup.ts';
import { InvalidPayloadError } from '../templates.ts';

export interface NotifyDeps {
  prisma: PrismaClient;
  channel: DeliveryChannel;
  recipients: RecipientLookup;
}

type Jobs = typeof QueueName.NotificationsEmail;

/**
 * Sends one order notification, at most once per order and template (the dedupe key); a channel
 * failure throws DeliveryFailedError and the job is retried with backoff.
 */
async function notify(
  { prisma, channel, recipients }: NotifyDeps,
  template: NotificationTemplate,
  userId: string,
  payload: Prisma.InputJsonObject & { orderId: string },
) {
  const to = await recipients.emailOf(userId);
  if (!to) throw new UnrecoverableError(`user ${userId} has no e-mail address`);
  try {
    await deliverNotification(prisma, channel, {
      dedupeKey: `${template.toLowerCase()}:${payload.orderId}`,
      userId,
      template,
      payload,
      to,
    });
  } catch (error) {
    if (error instanceof InvalidPayloadError) throw new UnrecoverableError(error.message);
    throw error;
  }
}

export const orderConfirmedProcessor =
  (deps: NotifyDeps) =>
  ({ orderId, userId, total }: JobDataOf<Jobs, typeof JobName.OrderConfirmed>) =>
    notify(deps, 'ORDER_CONFIRMED', userId, { orderId, total: { ...total } });

export const orderFailedProcessor =
  (deps: NotifyDeps) =>
  ({ orderId, userId, reason }: JobDataOf<Jobs, typeof JobName.OrderFailed>) =>
    notify(deps, 'ORDER_FAILED', userId, { orderId, reason });

export const orderCancelledProcessor =
  (deps: NotifyDeps) =>
  ({ orderId, userId }: JobDataOf<Jobs, typeof JobName.NotifyOrderCancelled>) =>
    notify(deps, 'ORDER_CANCELLED', userId, { orderId });

export const orderShippedProcessor =
  (deps: NotifyDeps) =>
  ({ orderId, userId }: JobDataOf<Jobs, typeof JobName.NotifyOrderShipped>) =>
    notify(deps, 'ORDER_SHIPPED', userId, { orderId });
