import { z } from 'zod';
import { parseEnv } from '#lib/config';
import { loadWorkerConfig } from '#lib/worker/worker-config';
import { loadBreakerSettings } from '#lib/resilience/circuit-breaker';
import { defaultSubgraphUrl, subgraphEntry, workerEntry } from '#system/topology';
import { loadNotificationsConfig } from '../config.ts';

/** The notifications worker's settings, read once at start-up. */
export function loadNotificationsWorkerConfig(env: Record<string, string | undefined>) {
  const own = parseEnv(
    z.object({
      ACCOUNTS_URL: z
        .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
        .default(defaultSubgraphUrl(subgraphEntry('accounts'))),
      // The same variable the router reads for its calls to accounts.
      ACCOUNTS_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
      // What the mail provider accepts; BullMQ's limiter holds the queue for every worker at once.
      NOTIFICATIONS_EMAIL_RATE_LIMIT_PER_SECOND: z.coerce.number().int().min(1).max(10_000).default(50),
      // How long a recipient's address is reused before accounts is asked again (0: every time).
      NOTIFICATIONS_RECIPIENT_CACHE_MS: z.coerce.number().int().min(0).max(3_600_000).default(30_000),
    }),
    env,
  );
  return {
    ...loadWorkerConfig(subgraphEntry('notifications'), workerEntry('notifications'), env),
    delivery: loadNotificationsConfig(env).delivery,
    accountsUrl: own.ACCOUNTS_URL,
    accountsTimeoutMs: own.ACCOUNTS_TIMEOUT_MS,
    accountsBreaker: loadBreakerSettings(env),
    recipientCacheMs: own.NOTIFICATIONS_RECIPIENT_CACHE_MS,
    emailRateLimit: { max: own.NOTIFICATIONS_EMAIL_RATE_LIMIT_PER_SECOND, duration: 1_000 },
  };
}
