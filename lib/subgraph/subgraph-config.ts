import { z } from 'zod';
import {
  jwtEnvSchema,
  logLevelSchema,
  nodeEnvSchema,
  parseEnv,
  portSchema,
  postgresUrlSchema,
  requireRealSecretInProduction,
} from '../config.ts';

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
    }),
    env,
  );
  const shared = parseEnv(
    z
      .object({ NODE_ENV: nodeEnvSchema, LOG_LEVEL: logLevelSchema, HOST: z.string().default('127.0.0.1') })
      .extend(jwtEnvSchema.shape)
      .superRefine(requireRealSecretInProduction),
    env,
  );
  return {
    nodeEnv: shared.NODE_ENV,
    logLevel: shared.LOG_LEVEL,
    host: shared.HOST,
    port: Number(own[`${prefix}_PORT`]),
    database: { url: String(own[`${prefix}_DATABASE_URL`]), poolSize: Number(own[`${prefix}_DB_POOL_SIZE`]) },
    tokens: { secret: shared.JWT_SECRET, issuer: shared.JWT_ISSUER, audience: shared.JWT_AUDIENCE },
  };
}

export type SubgraphConfig = ReturnType<typeof loadSubgraphConfig>;
