import { z } from 'zod';
import { parseEnv } from '#lib/config';
import { loadSubgraphConfig } from '#lib/subgraph/subgraph-config';
import { subgraphEntry } from '#system/topology';

/** Reads the accounts subgraph's settings from the environment once, at start-up. */
export function loadAccountsConfig(env: Record<string, string | undefined>) {
  const own = parseEnv(
    z.object({
      ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(3_600),
      AUTH_RATE_LIMIT_PER_IP: z.coerce.number().int().min(1).default(100),
      AUTH_RATE_LIMIT_PER_EMAIL: z.coerce.number().int().min(1).default(10),
      AUTH_RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
    }),
    env,
  );
  return {
    ...loadSubgraphConfig(subgraphEntry('accounts'), env),
    accessTokenTtlSeconds: own.ACCESS_TOKEN_TTL_SECONDS,
    signInLimits: {
      perIp: own.AUTH_RATE_LIMIT_PER_IP,
      perEmail: own.AUTH_RATE_LIMIT_PER_EMAIL,
      windowSeconds: own.AUTH_RATE_LIMIT_WINDOW_SECONDS,
    },
  };
}

export type AccountsConfig = ReturnType<typeof loadAccountsConfig>;
