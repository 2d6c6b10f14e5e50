import { uuidKeyedLoader } from '#lib/graphql/keyed-loader';
import type { PrismaClient, User } from './generated/prisma/client.ts';

/** Per-request batching: every User reference in one operation costs one query. */
export function createLoaders(prisma: PrismaClient) {
  return {
    userById: uuidKeyedLoader(
      (ids) => prisma.user.findMany({ where: { id: { in: ids } } }),
      (user: User) => user.id,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
