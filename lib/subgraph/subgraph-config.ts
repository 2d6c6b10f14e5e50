import { z } from 'zod';
import { logLevelSchema, nodeEnvSchema, parseEnv, portSchema, postgresUrlSchema } from '../config.ts';
import { loadIdentityConfig } from '../auth/identity-config.ts';
import { loadServerSettings } from '../http/server-settings.ts';

export interface SubgraphDefaults {
  /** Upper-case prefix of this subgraph's own variables, e.g. ACCOUNTS for ACCOUNTS_PORT. */
  envPrefix: string;
  defaultPort: number;
  defaultDatabaseUrl: string;
}

/** Every subgraph is configured the same way; only its prefix and defaults differ. */
export function loadSubgraphConfig(defaults: SubgraphDefaults, env: Record<string, string | undefined>) {
  const prefix = defaults.envPrefix;
  // Prefixed names let one environment configure all subgraphs side by side (npm start, compose).
  const own = parseEnv(
    z.object({
      [`${prefix}_PORT`]: portSchema(defaults.defaultPort),
      [`${prefix}_DATABASE_URL`]: postgresUrlSchema(defaults.defaultDatabaseUrl),
      [`${prefix}_DB_POOL_SIZE`]: z.coerce.number().int().min(1).max(100).default(5),
      // As long as the router's whole operation may take; 0 turns the limit off (bulk work).
      [`${prefix}_DB_STATEMENT_TIMEOUT_MS`]: z.coerce.number().int().min(0).default(10_000),
      // Shorter: a statement stuck behind a lock fails (SERVICE_UNAVAILABLE) while a retry can still succeed.
      [`${prefix}_DB_LOCK_TIMEOUT_MS`]: z.coerce.number().int().min(0).default(5_000),
    }),
    env,
  );
  const shared = parseEnv(
    z.object({ NODE_ENV: nodeEnvSchema, LOG_LEVEL: logLevelSchema, HOST: z.string().default('127.0.0.1') }),
    env,
  );
  const identity = loadIdentityConfig(env);
  return {
    nodeEnv: shared.NODE_ENV,
    logLevel: shared.LOG_LEVEL,
    host: shared.HOST,
    port: Number(own[`${prefix}_PORT`]),
    server: loadServerSettings(env),
    database: {
      url: String(own[`${prefix}_DATABASE_URL`]),
      poolSize: Number(own[`${prefix}_DB_POOL_SIZE`]),
      statementTimeoutMs: Number(own[`${prefix}_DB_STATEMENT_TIMEOUT_MS`]),
      lockTimeoutMs: Number(own[`${prefix}_DB_LOCK_TIMEOUT_MS`]),
    },
    /** Access-token keys: accounts signs with them; other subgraphs never see access tokens. */
    tokens: identity.tokens,
    routerSigningSecret: identity.routerSigningSecret,
  };
}

export type SubgraphConfig = ReturnType<typeof loadSubgraphConfig>;
