import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDisableSuggestions } from '@apollo/server/plugin/disableSuggestions';
import { Redis } from 'ioredis';
import type { Logger } from '#lib/logger';
import { createMetrics } from '#lib/metrics/create-metrics';
import { createTokenVerifier } from '#lib/auth/tokens';
import { createRouterIdentitySigner } from '#lib/auth/router-identity';
import { viewerFromAuthorization } from '#lib/auth/viewer-from-request';
import { startGraphQLServer, type RunningServer } from '#lib/http/start-graphql-server';
import type { RouterConfig } from './config.ts';
import type { RouterContext } from './context.ts';
import { createGateway } from './gateway.ts';
import { createSubgraphFetchMetrics } from './metrics/subgraph-fetch-metrics.ts';
import { watchedSupergraph } from './watched-supergraph.ts';
import { createSubgraphGuards } from './resilience/subgraph-guards.ts';
import { batchLimit } from './limits/batch-limit.ts';
import { tokenLimit } from './limits/token-limit.ts';
import { createRateLimit, redisReady } from './limits/rate-limit.ts';
import { loadManifest } from './persisted-queries/manifest.ts';
import { manifestCache, manifestFirst } from './persisted-queries/manifest-cache.ts';
import { redisApqCache } from './persisted-queries/redis-apq-cache.ts';
import { registeredOperationsOnly } from './persisted-queries/registered-only.ts';
import { operationLimitsPlugin } from './limits/operation-limits-plugin.ts';
import { cachedTokenVerifier } from '#lib/auth/cached-token-verifier';
import { cachedIdentitySigner } from '#lib/auth/cached-identity-signer';
import { createFieldUsage, fieldUsagePlugin } from './usage/field-usage-plugin.ts';
import { introspectionLimitPlugin } from './limits/introspection-limit-plugin.ts';
import { corsFor } from './cors.ts';
import { responseCache } from './response-cache/response-cache.ts';

/** Starts the public endpoint: GraphQL at / and /graphql, Sandbox in development. */
export async function startRouter(config: RouterConfig, logger: Logger): Promise<RunningServer> {
  const production = config.nodeEnv === 'production';
  const verify = cachedTokenVerifier(createTokenVerifier(config.tokens));
  const identityFor = cachedIdentitySigner(createRouterIdentitySigner(config.routerSigningSecret));
  // No offline queue: while Redis is away, rate limiting falls back to memory at once instead of waiting.
  const redis = new Redis(config.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  redis.on('error', (error) => logger.warn({ err: error }, 'redis connection error'));
  await redisReady(redis, logger);
  const rateLimit = createRateLimit(config.rateLimit, redis);
  const manifest = config.persistedQueriesManifest ? loadManifest(config.persistedQueriesManifest) : undefined;
  const safelist = config.persistedQueriesOnly ? manifest : undefined;
  const guards = createSubgraphGuards(config.resilience);
  const supergraph = watchedSupergraph(config.supergraphPath, config.supergraphPollMs, logger);
  const metrics = createMetrics('router');
  const fetchMetrics = createSubgraphFetchMetrics(metrics, guards.states);
  const gateway = createGateway(config, supergraph.hook, guards, logger, fetchMetrics);
  const server = await startGraphQLServer<RouterContext>({
    logger,
    host: config.host,
    port: config.port,
    paths: ['/', '/graphql'],
    bodyLimit: config.maxRequestBody,
    server: config.server,
    trustProxy: config.trustedProxies,
    middleware: [
      corsFor(config.corsOrigins),
      batchLimit(config.limits.maxBatchSize),
      ...(safelist ? [registeredOperationsOnly(safelist)] : []),
      responseCache({ config: config.responseCache, redis, logger, metrics }),
      tokenLimit(config.limits.maxTokens),
    ],
    apollo: {
      gateway,
      introspection: !production,
      allowBatchedHttpRequests: true,
      // Automatic persisted queries are kept in Redis, shared by every process and replica, after
      // the manifest's; in safelist mode the store is the manifest and cannot be written to.
      persistedQueries: {
        cache: safelist
          ? manifestCache(safelist)
          : manifestFirst(manifest, redisApqCache(redis, config.persistedQueriesKeyPrefix, logger)),
      },
      // Apollo's default, stated because the router is the public endpoint: refuse requests a
      // browser would send cross-site without a preflight.
      csrfPrevention: true,
      plugins: [
        operationLimitsPlugin(config.limits),
        ...(config.fieldUsage ? [fieldUsagePlugin(createFieldUsage(), { ...config.fieldUsage, logger })] : []),
        introspectionLimitPlugin(config.limits.maxIntrospectionDepth),
        ...(production
          ? [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginDisableSuggestions()]
          : [ApolloServerPluginLandingPageLocalDefault({ embed: true })]),
      ],
    },
    // The token is verified here, before planning, so a bad token never reaches a subgraph.
    context: async ({ req, requestId }) => {
      const deadline = Date.now() + config.resilience.operationDeadlineMs;
      const viewer = await viewerFromAuthorization(verify, req.header('authorization'));
      await rateLimit(req, viewer);
      return { requestId, viewer, identityToken: await identityFor(viewer, req.ip), deadline };
    },
    // An open breaker does not make the router unready: it still serves what the other subgraphs give.
    readiness: async () => ({
      ready: supergraph.status.hash !== undefined,
      checks: {
        supergraph: supergraph.status.hash ? 'loaded' : 'not loaded',
        supergraphHash: supergraph.status.hash,
        supergraphLoadedAt: supergraph.status.loadedAt,
        breakers: guards.states(),
        rateLimitStore: redis.status,
      },
    }),
    metrics,
  });
  return {
    ...server,
    stop: async () => {
      await server.stop();
      redis.disconnect();
    },
  };
}
