import type { QueueAdmin } from '#lib/queue/queue-admin';
import type { BaseContext } from '#lib/subgraph/base-context';
import type { PrismaClient } from './generated/prisma/client.ts';
import type { Loaders } from './loaders.ts';

export interface Context extends BaseContext {
  prisma: PrismaClient;
  loaders: Loaders;
  /** Counts and dead-lettered jobs of the checkout queues, for admins. */
  queues: QueueAdmin;
}
