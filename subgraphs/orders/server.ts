import type { Logger } from '#lib/logger';
import type { Viewer } from '#lib/auth/viewer';
import { cachedIdentitySigner } from '#lib/auth/cached-identity-signer';
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
  // Catalog is asked as an anonymous caller: one statement reused for 30 s, as the router reuses
  // its own, instead of an HMAC here and in catalog per price lookup. Catalog takes the request id
  // from x-request-id, which the client still sends per call.
  const anonymousIdentity = cachedIdentitySigner(createRouterIdentitySigner(config.routerSigningSecret));
  const signIdentity = ({ viewer, clientIp }: { viewer: null | Viewer; clientIp?: string | undefined }) =>
    anonymousIdentity(viewer, clientIp);
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
