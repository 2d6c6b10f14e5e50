import type {
  Notification,
  NotificationChannel,
  NotificationTemplate,
  Prisma,
  PrismaClient,
} from './generated/prisma/client.ts';
import { uuidv7 } from '#lib/ids';
import { sqlOf } from '#lib/prisma';
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

/** A Notification row as Prisma answers it (times are stored in UTC). */
const NOTIFICATION_COLUMNS = `"id", "userId", "channel", "template", "payload", "status", "attempts", "lastError",
  "dedupeKey", "createdAt" AT TIME ZONE 'UTC' AS "createdAt", "sentAt" AT TIME ZONE 'UTC' AS "sentAt",
  "updatedAt" AT TIME ZONE 'UTC' AS "updatedAt"`;
const errorText = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).slice(0, MAX_ERROR_LENGTH);

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`send took longer than ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

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
  // Plain SQL (see sqlOf) on this hot path: BEGIN, one statement that creates the row or locks the
  // existing one and reads it, the status change, COMMIT. Prisma's query layer sent five statements
  // besides BEGIN and COMMIT, and was the largest item of the worker's profile.
  const outcome = await sqlOf(prisma).transaction(
    async (query): Promise<DeliveryOutcome | (DeliveryOutcome & { error: unknown })> => {
      // ON CONFLICT DO UPDATE takes the row lock of an existing row (a concurrent call holding it
      // is waited for) and answers the row as that call left it.
      const {
        rows: [current],
      } = await query<Notification>(
        `INSERT INTO "Notification" ("id", "userId", "channel", "template", "payload", "dedupeKey", "updatedAt")
         VALUES ($1::uuid, $2::uuid, $3::"NotificationChannel", $4::"NotificationTemplate", $5::jsonb, $6::text,
                 now() AT TIME ZONE 'UTC')
         ON CONFLICT ("dedupeKey") DO UPDATE SET "dedupeKey" = EXCLUDED."dedupeKey"
         RETURNING ${NOTIFICATION_COLUMNS}`,
        [
          uuidv7(),
          request.userId,
          request.channel ?? 'EMAIL',
          request.template,
          JSON.stringify(request.payload),
          request.dedupeKey,
        ],
      );
      if (current!.status === 'SENT') return { notification: current!, delivered: false };
      const record = async (set: string, values: readonly unknown[]) =>
        (
          await query<Notification>(
            `UPDATE "Notification" SET ${set}, "attempts" = "attempts" + 1, "updatedAt" = now() AT TIME ZONE 'UTC'
             WHERE "id" = $1::uuid RETURNING ${NOTIFICATION_COLUMNS}`,
            [current!.id, ...values],
          )
        ).rows[0]!;
      try {
        // The row lock is held while sending: a send that hangs is given up after sendTimeoutMs
        // (recorded as failed, retried by the job), as the transaction's timeout did before.
        await withTimeout(channel.send(message), options.sendTimeoutMs ?? 30_000);
      } catch (error) {
        const failed = await record(`"status" = 'FAILED', "lastError" = $2::text`, [errorText(error)]);
        return { notification: failed, delivered: false, error };
      }
      const sent = await record(`"status" = 'SENT', "lastError" = NULL, "sentAt" = now() AT TIME ZONE 'UTC'`, []);
      return { notification: sent, delivered: true };
    },
  );
  if ('error' in outcome) throw new DeliveryFailedError(outcome.notification, { cause: outcome.error });
  return outcome;
}
