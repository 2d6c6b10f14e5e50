import { z } from 'zod';
import { parseEnv } from '#lib/config';

/** The router's full-response cache settings (`RESPONSE_CACHE`, `RESPONSE_CACHE_KEY_PREFIX`). */
export function loadResponseCacheConfig(env: Record<string, string | undefined>) {
  const parsed = parseEnv(
    z.object({
      RESPONSE_CACHE: z.enum(['on', 'off']).default('on'),
      RESPONSE_CACHE_KEY_PREFIX: z.string().min(1).default('router:response'),
    }),
    env,
  );
  return { enabled: parsed.RESPONSE_CACHE === 'on', keyPrefix: parsed.RESPONSE_CACHE_KEY_PREFIX };
}

export type ResponseCacheConfig = ReturnType<typeof loadResponseCacheConfig>;
