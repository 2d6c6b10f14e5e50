import { z } from 'zod';
import { parseEnv } from '#lib/config';
import { loadQueueSettings } from '#lib/queue/queue-config';
import { loadBreakerSettings } from '#lib/resilience/circuit-breaker';
import { loadSubgraphConfig } from '#lib/subgraph/subgraph-config';
import { defaultSubgraphUrl, subgraphEntry } from '#system/topology';

/** Reads the orders subgraph's settings from the environment once, at start-up. */
export function loadOrdersConfig(env: Record<string, string | undefined>) {
  const own = parseEnv(
    z.object({
      // The same variable the router reads, so one setting points every caller at catalog.
      CATALOG_URL: z
        .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
        .default(defaultSubgraphUrl(subgraphEntry('catalog'))),
      CATALOG_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
      // How long a catalog price may be reused for cart lines (placeOrder always asks afresh; 0: never).
      CATALOG_PRICE_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(1_000),
    }),
    env,
  );
  return {
    ...loadSubgraphConfig(subgraphEntry('orders'), env),
    catalog: { url: own.CATALOG_URL, timeoutMs: own.CATALOG_TIMEOUT_MS, breaker: loadBreakerSettings(env) },
    catalogPriceCacheMs: own.CATALOG_PRICE_CACHE_MS,
    queues: loadQueueSettings(env),
  };
}

export type OrdersConfig = ReturnType<typeof loadOrdersConfig>;
