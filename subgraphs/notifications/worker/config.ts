import { z } from 'zod';
import { parseEnv } from '#lib/config';
import { loadWorkerConfig } from '#lib/worker/worker-config';
import { defaultSubgraphUrl, subgraphEntry, workerEntry } from '#system/topology';
import { loadNotificationsConfig } from '../config.ts';

/** The notifications worker's settings, read once at start-up. */
export function loadNotificationsWorkerConfig(env: Record<string, string | undefined>) {
  const own = parseEnv(
    z.object({
      ACCOUNTS_URL: z
        .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
        .default(defaultSubgraphUrl(subgraphEntry('accounts'))),
      // What the mail provider accepts; BullMQ's limiter holds the queue for every worker at once.
      NOTIFICATIONS_EMAIL_RATE_LIMIT_PER_SECOND: z.coerce.number().int().min(1).max(10_000).default(50),
    }),
    env,
  );
  return {
    ...loadWorkerConfig(subgraphEntry('notifications'), workerEntry('notifications'), env),
    delivery: loadNotificationsConfig(env).delivery,
    accountsUrl: own.ACCOUNTS_URL,
    emailRateLimit: { max: own.NOTIFICATIONS_EMAIL_RATE_LIMIT_PER_SECOND, duration: 1_000 },
  };
}
