import type { DocumentNode } from 'graphql';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { startGraphQLServer, type RequestInfo, type RunningServer } from '../http/start-graphql-server.ts';
import type { ReadinessCheck } from '../http/health-routes.ts';
import type { Logger } from '../logger.ts';
import type { NodeEnv } from '../config.ts';
import type { BaseContext } from './base-context.ts';
import { applyAccessDirectives } from './access-directives.ts';
import type { Registry } from 'prom-client';

export interface SubgraphOptions<TContext extends BaseContext> {
  typeDefs: DocumentNode;
  /** The codegen-typed resolver map; its exact type is checked where it is written. */
  resolvers: object;
  logger: Logger;
  nodeEnv: NodeEnv;
  host: string;
  port: number;
  context: (request: RequestInfo) => Promise<TContext>;
  readiness: ReadinessCheck;
  metrics: Registry;
}

/** Serves one federation subgraph at /graphql; only the router is meant to call it. */
export function startSubgraph<TContext extends BaseContext>(
  options: SubgraphOptions<TContext>,
): Promise<RunningServer> {
  const schema = applyAccessDirectives(
    buildSubgraphSchema({ typeDefs: options.typeDefs, resolvers: options.resolvers as GraphQLResolverMap<unknown> }),
  );
  return startGraphQLServer<TContext>({
    logger: options.logger,
    host: options.host,
    port: options.port,
    paths: ['/graphql'],
    apollo: {
      schema,
      introspection: options.nodeEnv !== 'production',
      plugins: [ApolloServerPluginLandingPageDisabled()],
    },
    context: options.context,
    readiness: options.readiness,
    metrics: options.metrics,
  });
}
