import type { Logger } from '#lib/logger';
import { createRouterIdentitySigner } from '#lib/auth/router-identity';
import type { RunningServer } from '#lib/http/start-graphql-server';
import { createQueueAdmin } from '#lib/queue/queue-admin';
import { startSubgraph } from '#lib/subgraph/start-subgraph';
import { PrismaClient } from './generated/prisma/client.ts';
import { createPriceCache } from './cached-catalog-client.ts';
import { createHttpCatalogClient } from './catalog-client.ts';
import type { OrdersConfig } from './config.ts';
import type { Context } from './context.ts';
import { createLoaders } from './loaders.ts';
import { resolvers } from './resolvers/index.ts';

/** Starts the orders subgraph and returns once it listens. */
export async function startOrders(config: OrdersConfig, logger: Logger): Promise<RunningServer> {
  const signIdentity = createRouterIdentitySigner(config.routerSigningSecret);
  const catalog = createPriceCache(
    createHttpCatalogClient({ ...config.catalog, logger, signIdentity }),
    config.catalogPriceCacheMs,
  );
  const queues = createQueueAdmin(config.queues, logger);
  const server = await startSubgraph<PrismaClient, Context>({
    name: 'orders',
    config,
    logger,
    PrismaClient,
    resolvers,
    context: (base, prisma, request) => ({
      ...base,
      prisma,
      loaders: createLoaders(prisma, catalog, request.requestId),
      queues,
    }),
  });
  return {
    ...server,
    stop: async () => {
      await server.stop();
      await queues.close();
    },
  };
}
