import { z } from 'zod';
import { logLevelSchema, nodeEnvSchema, parseEnv, portSchema } from '#lib/config';
import { loadIdentityConfig } from '#lib/auth/identity-config';
import { loadBreakerSettings } from '#lib/resilience/circuit-breaker';
import { loadServerSettings } from '#lib/http/server-settings';
import { SUBGRAPHS } from '#system/topology';
import { loadResponseCacheConfig } from './response-cache/response-cache-config.ts';

const urlSchema = z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' });
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/**
 * Which proxies in front of the router to believe about the client's address (Express's `trust
 * proxy`): unset or `0` none (the peer's address is the client's), a number of hops (`1` behind one
 * load balancer), or a comma-separated list of addresses, subnets (CIDR) or Express's names
 * (`loopback`, `linklocal`, `uniquelocal`).
 */
const trustedProxiesSchema = z
  .string()
  .regex(/^(\d+|[\w.:/]+(\s*,\s*[\w.:/]+)*)$/, 'must be a hop count or a comma-separated list of addresses')
  .optional()
  .transform((value): number | string[] | false => {
    if (value === undefined || value === '0') return false;
    if (/^\d+$/.test(value)) return Number(value);
    return value.split(',').map((entry) => entry.trim());
  });

/** Reads the router's settings from the environment once, at start-up. */
export function loadRouterConfig(env: Record<string, string | undefined>) {
  const schema = z
    .object({
      NODE_ENV: nodeEnvSchema,
      LOG_LEVEL: logLevelSchema,
      HOST: z.string().default('127.0.0.1'),
      ROUTER_PORT: portSchema(4000),
      SUPERGRAPH_PATH: z.string().default('schema/supergraph.graphql'),
      SUPERGRAPH_POLL_MS: positiveInt(1_000),
      MAX_REQUEST_BODY: z.string().default('200kb'),
      MAX_QUERY_DEPTH: positiveInt(10),
      MAX_ALIASES: positiveInt(15),
      MAX_TOKENS: positiveInt(2_000),
      MAX_QUERY_COST: positiveInt(5_000),
      MAX_BATCH_SIZE: positiveInt(10),
      // Deep enough for the standard introspection query (15) that Sandbox and codegen send.
      MAX_INTROSPECTION_DEPTH: positiveInt(20),
      ROUTER_TRUSTED_PROXIES: trustedProxiesSchema,
      PERSISTED_QUERIES_ONLY: z
        .enum(['true', 'false'])
        .default('false')
        .transform((value) => value === 'true'),
      PERSISTED_QUERIES_MANIFEST: z.string().min(1).optional(),
      FIELD_USAGE_SNAPSHOT: z.string().min(1).optional(),
      FIELD_USAGE_SNAPSHOT_INTERVAL_MS: positiveInt(60_000),
      PERSISTED_QUERIES_KEY_PREFIX: z.string().min(1).default('router:apq'),
      ROUTER_WORKERS: z.coerce.number().int().min(1).max(64).default(1),
      /** Browser origins allowed to call the router (comma-separated, exact): the storefront's. */
      CORS_ORIGINS: z
        .string()
        .default('http://localhost:4080')
        .transform((list) =>
          list
            .split(',')
            .map((origin) => origin.trim())
            .filter(Boolean),
        )
        .pipe(
          z.array(
            z
              .url({ protocol: /^https?$/ })
              .refine((url) => new URL(url).origin === url, 'must be an origin (scheme://host[:port])'),
          ),
        ),
      REDIS_URL: z.string().default('redis://127.0.0.1:6379'),
      RATE_LIMIT_POINTS: positiveInt(300),
      RATE_LIMIT_DURATION_SECONDS: positiveInt(60),
      RATE_LIMIT_KEY_PREFIX: z.string().min(1).default('router:rate'),
      ROUTER_OPERATION_DEADLINE_MS: positiveInt(10_000),
      SUBGRAPH_TIMEOUT_MS: positiveInt(5_000),
      SUBGRAPH_RETRIES: z.coerce.number().int().min(0).max(5).default(2),
      SUBGRAPH_RETRY_DELAY_MS: positiveInt(50),
      SUBGRAPH_MAX_RESPONSE_BYTES: positiveInt(10_000_000),
    })
    .refine((env) => !env.PERSISTED_QUERIES_ONLY || env.PERSISTED_QUERIES_MANIFEST, {
      path: ['PERSISTED_QUERIES_MANIFEST'],
      message: 'must be set when PERSISTED_QUERIES_ONLY is true',
    });
  const parsed = parseEnv(schema, env);
  const identity = loadIdentityConfig(env);
  // A URL set for a subgraph replaces the one composition recorded, e.g. a container's host name.
  const overrides = parseEnv(
    z.object(
      Object.fromEntries(
        SUBGRAPHS.flatMap(({ envPrefix }) => [
          [`${envPrefix}_URL`, urlSchema.optional()],
          [`${envPrefix}_TIMEOUT_MS`, z.coerce.number().int().positive().optional()],
        ]),
      ),
    ),
    env,
  );
  const subgraphUrls: Record<string, string> = {};
  const subgraphTimeoutsMs: Record<string, number> = {};
  for (const { name, envPrefix } of SUBGRAPHS) {
    const url = overrides[`${envPrefix}_URL`];
    const timeoutMs = overrides[`${envPrefix}_TIMEOUT_MS`];
    if (typeof url === 'string') subgraphUrls[name] = url;
    if (typeof timeoutMs === 'number') subgraphTimeoutsMs[name] = timeoutMs;
  }
  return {
    nodeEnv: parsed.NODE_ENV,
    logLevel: parsed.LOG_LEVEL,
    host: parsed.HOST,
    port: parsed.ROUTER_PORT,
    server: loadServerSettings(env),
    supergraphPath: parsed.SUPERGRAPH_PATH,
    supergraphPollMs: parsed.SUPERGRAPH_POLL_MS,
    maxRequestBody: parsed.MAX_REQUEST_BODY,
    /** Express's `trust proxy`: false, a hop count, or addresses; decides `req.ip`, the anonymous rate-limit key. */
    trustedProxies: parsed.ROUTER_TRUSTED_PROXIES,
    corsOrigins: parsed.CORS_ORIGINS,
    subgraphUrls,
    /**
     * Operations known by hash from the start (Apollo's manifest format): with `persistedQueriesOnly`
     * the only ones that run; without it, looked up before the APQ store, so a client's first
     * request by hash does not miss and send its text again.
     */
    persistedQueriesManifest: parsed.PERSISTED_QUERIES_MANIFEST,
    /** Run the manifest's operations and refuse every other. */
    persistedQueriesOnly: parsed.PERSISTED_QUERIES_ONLY,
    /** Where to write the field usage snapshot schema:check reads (--usage), or undefined to count nothing. */
    fieldUsage: parsed.FIELD_USAGE_SNAPSHOT
      ? { path: parsed.FIELD_USAGE_SNAPSHOT, intervalMs: parsed.FIELD_USAGE_SNAPSHOT_INTERVAL_MS }
      : undefined,
    /** Where automatic persisted queries are kept in Redis. */
    persistedQueriesKeyPrefix: parsed.PERSISTED_QUERIES_KEY_PREFIX,
    /** Processes serving the port (node:cluster); 1 serves from this process alone. */
    workers: parsed.ROUTER_WORKERS,
    redisUrl: parsed.REDIS_URL,
    rateLimit: {
      points: parsed.RATE_LIMIT_POINTS,
      durationSeconds: parsed.RATE_LIMIT_DURATION_SECONDS,
      keyPrefix: parsed.RATE_LIMIT_KEY_PREFIX,
    },
    limits: {
      maxDepth: parsed.MAX_QUERY_DEPTH,
      maxAliases: parsed.MAX_ALIASES,
      maxTokens: parsed.MAX_TOKENS,
      maxCost: parsed.MAX_QUERY_COST,
      maxBatchSize: parsed.MAX_BATCH_SIZE,
      maxIntrospectionDepth: parsed.MAX_INTROSPECTION_DEPTH,
    },
    resilience: {
      /** How long one client operation may take in all; what is left of it goes to every subgraph. */
      operationDeadlineMs: parsed.ROUTER_OPERATION_DEADLINE_MS,
      timeoutMs: parsed.SUBGRAPH_TIMEOUT_MS,
      /** Per-subgraph timeouts from `<PREFIX>_TIMEOUT_MS`, overriding `timeoutMs`. */
      timeoutsMs: subgraphTimeoutsMs,
      retries: parsed.SUBGRAPH_RETRIES,
      retryDelayMs: parsed.SUBGRAPH_RETRY_DELAY_MS,
      breaker: loadBreakerSettings(env),
      maxResponseBytes: parsed.SUBGRAPH_MAX_RESPONSE_BYTES,
    },
    responseCache: loadResponseCacheConfig(env),
    tokens: identity.tokens,
    routerSigningSecret: identity.routerSigningSecret,
  };
}

export type RouterConfig = ReturnType<typeof loadRouterConfig>;
