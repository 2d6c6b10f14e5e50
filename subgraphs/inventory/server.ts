import type { Logger } from '#lib/logger';
import { startSubgraph } from '#lib/subgraph/start-subgraph';
import { PrismaClient } from './generated/prisma/client.ts';
import type { InventoryConfig } from './config.ts';
import type { Context } from './context.ts';
import { createLoaders } from './loaders.ts';
import { resolvers } from './resolvers/index.ts';

/** Starts the inventory subgraph and returns once it listens. */
export const startInventory = (config: InventoryConfig, logger: Logger) =>
  startSubgraph<PrismaClient, Context>({
    name: 'inventory',
    config,
    logger,
    PrismaClient,
    resolvers,
    context: (base, prisma) => ({ ...base, prisma, loaders: createLoaders(prisma) }),
  });
