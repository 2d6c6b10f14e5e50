import type {
  Notification,
  NotificationChannel,
  NotificationTemplate,
  Prisma,
  PrismaClient,
} from './generated/prisma/client.ts';
import type { DeliveryChannel } from './channels/delivery-channel.ts';
import { renderTemplate } from './templates.ts';

export interface NotificationRequest {
  /** Names the event being notified about, e.g. `order-confirmed:<orderId>`; one send per key. */
  dedupeKey: string;
  userId: string;
  template: NotificationTemplate;
  payload: Prisma.InputJsonObject;
  /** The address the channel delivers to (an e-mail address for EMAIL). */
  to: string;
  channel?: NotificationChannel;
}

export interface DeliveryOutcome {
  notification: Notification;
  /** False when an earlier call had already sent it and this one did nothing. */
  delivered: boolean;
}

/** The channel refused the message; the attempt is recorded, and a retry may succeed. */
export class DeliveryFailedError extends Error {
  override readonly name = 'DeliveryFailedError';
  constructor(
    readonly notification: Notification,
    options: { cause: unknown },
  ) {
    super(`notification ${notification.dedupeKey} failed on attempt ${notification.attempts}`, options);
  }
}

const MAX_ERROR_LENGTH = 1_000;
const errorText = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).slice(0, MAX_ERROR_LENGTH);

/**
 * Sends a notification at most once per dedupeKey, however often it is called: the row is
 * created once, and each attempt holds its row lock while it sends, so concurrent calls wait and
 * then find it SENT. A failed send records the attempt and error and throws DeliveryFailedError
 * for the caller's retry. A payload that does not fit the template throws InvalidPayloadError
 * before anything is written, since no retry can fix it.
 *
 * The one gap no channel without its own idempotency can close: a crash after the channel
 * accepted the message but before the commit means a retry sends it again.
 */
export async function deliverNotification(
  prisma: PrismaClient,
  channel: DeliveryChannel,
  request: NotificationRequest,
  options: { sendTimeoutMs?: number } = {},
): Promise<DeliveryOutcome> {
  const message = { to: request.to, ...renderTemplate(request.template, request.payload) };
  await prisma.notification.createMany({
    data: {
      dedupeKey: request.dedupeKey,
      userId: request.userId,
      template: request.template,
      channel: request.channel ?? 'EMAIL',
      payload: request.payload,
    },
    skipDuplicates: true,
  });
  const outcome = await prisma.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT id FROM "Notification" WHERE "dedupeKey" = ${request.dedupeKey} FOR UPDATE`;
      const current = await tx.notification.findUniqueOrThrow({ where: { dedupeKey: request.dedupeKey } });
      if (current.status === 'SENT') return { notification: current, delivered: false };
      try {
        await channel.send(message);
      } catch (error) {
        const failed = await tx.notification.update({
          where: { id: current.id },
          data: { status: 'FAILED', attempts: { increment: 1 }, lastError: errorText(error) },
        });
        return { notification: failed, delivered: false, error };
      }
      const sent = await tx.notification.update({
        where: { id: current.id },
        data: { status: 'SENT', attempts: { increment: 1 }, lastError: null, sentAt: new Date() },
      });
      return { notification: sent, delivered: true };
    },
    { timeout: options.sendTimeoutMs ?? 30_000 },
  );
  if ('error' in outcome) throw new DeliveryFailedError(outcome.notification, { cause: outcome.error });
  return outcome;
}
