import type { BaseContext } from '#lib/subgraph/base-context';
import type { PrismaClient } from './generated/prisma/client.ts';

/** No loaders: notifications resolves no entity or relation that a batch would save queries on. */
export interface Context extends BaseContext {
  prisma: PrismaClient;
}
