import type { Logger } from '#lib/logger';
import { startSubgraph } from '#lib/subgraph/start-subgraph';
import { PrismaClient } from './generated/prisma/client.ts';
import type { CatalogConfig } from './config.ts';
import type { Context } from './context.ts';
import { createLoaders } from './loaders.ts';
import { resolvers } from './resolvers/index.ts';

/** Starts the catalog subgraph and returns once it listens. */
export const startCatalog = (config: CatalogConfig, logger: Logger) =>
  startSubgraph<PrismaClient, Context>({
    name: 'catalog',
    config,
    logger,
    PrismaClient,
    resolvers,
    context: (base, prisma) => ({ ...base, prisma, loaders: createLoaders(prisma) }),
  });
