import { z } from 'zod';
import { parseEnv } from '#lib/config';
import { loadSubgraphConfig } from '#lib/subgraph/subgraph-config';
import { subgraphEntry } from '#system/topology';

/** Reads the accounts subgraph's settings from the environment once, at start-up. */
export function loadAccountsConfig(env: Record<string, string | undefined>) {
  const own = parseEnv(
    z.object({ ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(3_600) }),
    env,
  );
  return {
    ...loadSubgraphConfig(subgraphEntry('accounts'), env),
    accessTokenTtlSeconds: own.ACCESS_TOKEN_TTL_SECONDS,
  };
}

export type AccountsConfig = ReturnType<typeof loadAccountsConfig>;
