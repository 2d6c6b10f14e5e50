import type { Logger } from '#lib/logger';
import { createRouterIdentitySigner } from '#lib/auth/router-identity';
import { startSubgraph } from '#lib/subgraph/start-subgraph';
import { PrismaClient } from './generated/prisma/client.ts';
import { createHttpCatalogClient } from './catalog-client.ts';
import type { OrdersConfig } from './config.ts';
import type { Context } from './context.ts';
import { createLoaders } from './loaders.ts';
import { resolvers } from './resolvers/index.ts';

/** Starts the orders subgraph and returns once it listens. */
export function startOrders(config: OrdersConfig, logger: Logger) {
  const signIdentity = createRouterIdentitySigner(config.routerSigningSecret);
  const catalog = createHttpCatalogClient({ ...config.catalog, logger, signIdentity });
  return startSubgraph<PrismaClient, Context>({
    name: 'orders',
    config,
    logger,
    PrismaClient,
    resolvers,
    context: (base, prisma, request) => ({
      ...base,
      prisma,
      loaders: createLoaders(prisma, catalog, request.requestId),
    }),
  });
}
