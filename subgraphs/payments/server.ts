import type { Logger } from '#lib/logger';
import { startSubgraph } from '#lib/subgraph/start-subgraph';
import { PrismaClient } from './generated/prisma/client.ts';
import type { PaymentsConfig } from './config.ts';
import type { Context } from './context.ts';
import { createLoaders } from './loaders.ts';
import { resolvers } from './resolvers/index.ts';

/** Starts the payments subgraph and returns once it listens. */
export const startPayments = (config: PaymentsConfig, logger: Logger) =>
  startSubgraph<PrismaClient, Context>({
    name: 'payments',
    config,
    logger,
    PrismaClient,
    resolvers,
    context: (base, prisma) => ({ ...base, prisma, loaders: createLoaders(prisma) }),
  });
