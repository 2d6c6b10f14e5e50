import { z } from 'zod';
import { parseEnv } from '#lib/config';
import { loadSubgraphConfig } from '#lib/subgraph/subgraph-config';
import { subgraphEntry } from '#system/topology';

/** Reads the notifications subgraph's settings from the environment once, at start-up. */
export function loadNotificationsConfig(env: Record<string, string | undefined>) {
  const base = loadSubgraphConfig(subgraphEntry('notifications'), env);
  const own = parseEnv(
    z
      .object({
        // Nothing leaves the machine unless asked: development and tests capture messages in memory.
        NOTIFICATIONS_CHANNEL: z.enum(['capture', 'smtp']).default(base.nodeEnv === 'production' ? 'smtp' : 'capture'),
        SMTP_URL: z.url({ protocol: /^smtps?$/, message: 'must be an smtp:// or smtps:// URL' }).optional(),
        NOTIFICATIONS_FROM: z.string().min(3).default('Commerce <no-reply@commerce.localhost>'),
      })
      .refine((value) => value.NOTIFICATIONS_CHANNEL !== 'smtp' || value.SMTP_URL, {
        path: ['SMTP_URL'],
        message: 'is required when NOTIFICATIONS_CHANNEL=smtp',
      }),
    env,
  );
  return {
    ...base,
    delivery:
      own.NOTIFICATIONS_CHANNEL === 'smtp'
        ? { kind: 'smtp' as const, url: own.SMTP_URL!, from: own.NOTIFICATIONS_FROM }
        : { kind: 'capture' as const },
  };
}

export type NotificationsConfig = ReturnType<typeof loadNotificationsConfig>;
export type DeliverySettings = NotificationsConfig['delivery'];
