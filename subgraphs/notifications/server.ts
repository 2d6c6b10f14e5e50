import type { Logger } from '#lib/logger';
import { startSubgraph } from '#lib/subgraph/start-subgraph';
import { PrismaClient } from './generated/prisma/client.ts';
import type { NotificationsConfig } from './config.ts';
import type { Context } from './context.ts';
import { resolvers } from './resolvers/index.ts';

/**
 * Starts the notifications subgraph (the read side) and returns once it listens. Sending is done
 * by `deliverNotification`, called from background jobs rather than from GraphQL.
 */
export const startNotifications = (config: NotificationsConfig, logger: Logger) =>
  startSubgraph<PrismaClient, Context>({
    name: 'notifications',
    config,
    logger,
    PrismaClient,
    resolvers,
    context: (base, prisma) => ({ ...base, prisma }),
  });
