import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { Logger } from '#lib/logger';
import { createMetrics } from '#lib/metrics/create-metrics';
import { createTokenVerifier } from '#lib/auth/tokens';
import { viewerFromAuthorization } from '#lib/auth/viewer-from-request';
import { startGraphQLServer, type RunningServer } from '#lib/http/start-graphql-server';
import type { RouterConfig } from './config.ts';
import type { RouterContext } from './context.ts';
import { createGateway } from './gateway.ts';
import { createSubgraphFetchMetrics } from './metrics/subgraph-fetch-metrics.ts';

/** Starts the public endpoint: GraphQL at / and /graphql, Sandbox in development. */
export async function startRouter(config: RouterConfig, logger: Logger): Promise<RunningServer> {
  const production = config.nodeEnv === 'production';
  const verify = createTokenVerifier(config.tokens);
  const metrics = createMetrics('router');
  const gateway = createGateway(config, createSubgraphFetchMetrics(metrics));
  return startGraphQLServer<RouterContext>({
    logger,
    host: config.host,
    port: config.port,
    paths: ['/', '/graphql'],
    bodyLimit: config.maxRequestBody,
    apollo: {
      gateway,
      introspection: !production,
      plugins: [
        production
          ? ApolloServerPluginLandingPageDisabled()
          : ApolloServerPluginLandingPageLocalDefault({ embed: true }),
      ],
    },
    // The token is verified here, before planning, so a bad token never reaches a subgraph.
    context: async ({ req, requestId }) => {
      const authorization = req.header('authorization');
      const viewer = await viewerFromAuthorization(verify, authorization);
      return { requestId, authorization, viewer };
    },
    readiness: async () => ({ ready: true, checks: { supergraph: 'loaded' } }),
    metrics,
  });
}
