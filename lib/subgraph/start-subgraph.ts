import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { startGraphQLServer, type RequestInfo, type RunningServer } from '../http/start-graphql-server.ts';
import type { Logger } from '../logger.ts';
import { createMetrics } from '../metrics/create-metrics.ts';
import { createPrismaClient, type ClientConstructor } from '../prisma.ts';
import { createRouterIdentityVerifier } from '../auth/router-identity.ts';
import { loadSubgraphSdl } from '../graphql/load-sdl.ts';
import { createBaseContext, type BaseContext } from './base-context.ts';
import { applyAccessDirectives } from './access-directives.ts';
import { guardEntityRepresentations } from './entity-representations.ts';
import { databaseReadiness, type Queryable } from './database-readiness.ts';
import { honourDeadline, stopFieldsPastDeadline } from './operation-deadline.ts';
import type { SubgraphConfig } from './subgraph-config.ts';

interface SubgraphPrisma extends Queryable {
  $disconnect(): Promise<void>;
}

export interface SubgraphOptions<TPrisma extends SubgraphPrisma, TContext extends BaseContext> {
  /** The subgraph's name: its SDL is `schema/<name>.graphql`, its metrics are labelled with it. */
  name: string;
  config: SubgraphConfig;
  logger: Logger;
  PrismaClient: ClientConstructor<TPrisma>;
  /** The codegen-typed resolver map; its exact type is checked where it is written. */
  resolvers: object;
  /** Adds the subgraph's own per-request pieces (Prisma, DataLoaders) to the base context. */
  context: (base: BaseContext, prisma: TPrisma, request: RequestInfo) => TContext;
}

/**
 * Starts one federation subgraph at /graphql: its own database client and metrics, access rules
 * from its SDL, callers only through the router, the router's deadline honoured, readiness on its database. `stop` drains
 * in-flight operations, then closes the database pool.
 */
export async function startSubgraph<TPrisma extends SubgraphPrisma, TContext extends BaseContext>(
  options: SubgraphOptions<TPrisma, TContext>,
): Promise<RunningServer> {
  const { config, logger } = options;
  const metrics = createMetrics(options.name);
  const prisma = createPrismaClient(options.PrismaClient, config.database, { metrics, logger });
  const verifyIdentity = createRouterIdentityVerifier(config.routerSigningSecret);
  const schema = applyAccessDirectives(
    guardEntityRepresentations(
      stopFieldsPastDeadline(
        buildSubgraphSchema({
          typeDefs: loadSubgraphSdl(options.name),
          resolvers: options.resolvers as GraphQLResolverMap<unknown>,
        }),
      ),
    ),
  );
  const server = await startGraphQLServer<TContext>({
    logger,
    host: config.host,
    port: config.port,
    paths: ['/graphql'],
    apollo: {
      schema,
      introspection: config.nodeEnv !== 'production',
      plugins: [ApolloServerPluginLandingPageDisabled()],
    },
    context: async (request) =>
      options.context(await createBaseContext(request, verifyIdentity, logger), prisma, request),
    middleware: [honourDeadline()],
    readiness: databaseReadiness(prisma),
    server: config.server,
    metrics,
  });
  return {
    ...server,
    stop: async () => {
      await server.stop();
      await prisma.$disconnect();
    },
  };
}
