import { z } from 'zod';
import { parseEnv } from '#lib/config';

/**
 * The router's full-response cache settings: `RESPONSE_CACHE` (on), `RESPONSE_CACHE_KEY_PREFIX`,
 * and the in-process layer in front of Redis, `RESPONSE_CACHE_LOCAL_MS` (1000; 0 turns it off: how
 * long a process may answer from its own copy, never past the entry's max-age) and
 * `RESPONSE_CACHE_LOCAL_ENTRIES` (1000: the most answers a process keeps); and
 * `RESPONSE_CACHE_REFRESH_AHEAD_MS` (1000; 0 turns it off): a hit on an answer with less than this
 * left of its max-age has the router fetch a fresh one in the background.
 */
export function loadResponseCacheConfig(env: Record<string, string | undefined>) {
  const parsed = parseEnv(
    z.object({
      RESPONSE_CACHE: z.enum(['on', 'off']).default('on'),
      RESPONSE_CACHE_KEY_PREFIX: z.string().min(1).default('router:response'),
      RESPONSE_CACHE_LOCAL_MS: z.coerce.number().int().min(0).max(60_000).default(1_000),
      RESPONSE_CACHE_LOCAL_ENTRIES: z.coerce.number().int().min(1).max(1_000_000).default(1_000),
      RESPONSE_CACHE_REFRESH_AHEAD_MS: z.coerce.number().int().min(0).max(60_000).default(1_000),
    }),
    env,
  );
  return {
    enabled: parsed.RESPONSE_CACHE === 'on',
    keyPrefix: parsed.RESPONSE_CACHE_KEY_PREFIX,
    localMs: parsed.RESPONSE_CACHE_LOCAL_MS,
    localEntries: parsed.RESPONSE_CACHE_LOCAL_ENTRIES,
    refreshAheadMs: parsed.RESPONSE_CACHE_REFRESH_AHEAD_MS,
  };
}

export type ResponseCacheConfig = ReturnType<typeof loadResponseCacheConfig>;
