import DataLoader from 'dataloader';
import { isUuid } from '#lib/ids';
import type { PrismaClient, User } from './generated/prisma/client.ts';

/** Per-request batching: every User reference in one operation costs one query. */
export function createLoaders(prisma: PrismaClient) {
  return {
    userById: new DataLoader<string, User | null>(async (ids) => {
      const users = await prisma.user.findMany({ where: { id: { in: ids.filter(isUuid) } } });
      const byId = new Map(users.map((user) => [user.id, user]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
