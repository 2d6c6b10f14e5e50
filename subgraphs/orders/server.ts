import type { Logger } from '#lib/logger';
import { createPrismaClient } from '#lib/prisma';
import { createMetrics } from '#lib/metrics/create-metrics';
import { createRouterIdentitySigner, createRouterIdentityVerifier } from '#lib/auth/router-identity';
import { loadSubgraphSdl } from '#lib/graphql/load-sdl';
import { createBaseContext } from '#lib/subgraph/base-context';
import { databaseReadiness } from '#lib/subgraph/database-readiness';
import { startSubgraph } from '#lib/subgraph/start-subgraph';
import type { RunningServer } from '#lib/http/start-graphql-server';
import { PrismaClient } from './generated/prisma/client.ts';
import { createHttpCatalogClient } from './catalog-client.ts';
import type { OrdersConfig } from './config.ts';
import type { Context } from './context.ts';
import { createLoaders } from './loaders.ts';
import { resolvers } from './resolvers/index.ts';

/** Starts the orders subgraph and returns once it listens. */
export async function startOrders(config: OrdersConfig, logger: Logger): Promise<RunningServer> {
  const metrics = createMetrics('orders');
  const prisma = createPrismaClient(PrismaClient, config.database, { metrics, logger });
  const signIdentity = createRouterIdentitySigner(config.routerSigningSecret);
  const catalog = createHttpCatalogClient({ ...config.catalog, logger, signIdentity });
  const verifyIdentity = createRouterIdentityVerifier(config.routerSigningSecret);
  const server = await startSubgraph<Context>({
    typeDefs: loadSubgraphSdl('orders'),
    resolvers,
    logger,
    nodeEnv: config.nodeEnv,
    host: config.host,
    port: config.port,
    readiness: databaseReadiness(prisma),
    metrics,
    context: async (request) => ({
      ...(await createBaseContext(request, verifyIdentity, logger)),
      prisma,
      loaders: createLoaders(prisma, catalog, request.requestId),
    }),
  });
  return {
    ...server,
    stop: async () => {
      await server.stop();
      await prisma.$disconnect();
    },
  };
}
