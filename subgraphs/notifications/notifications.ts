import { pageRequest, toConnection, type PageArgs } from '#lib/graphql/pagination';
import type { PrismaClient } from './generated/prisma/client.ts';

/** One page of a user's notifications, newest first (UUIDv7 ids sort by creation time). */
export async function listUserNotifications(prisma: PrismaClient, userId: string, args: PageArgs) {
  const request = pageRequest(args);
  const rows = await prisma.notification.findMany({
    where: { userId, ...(request.afterId ? { id: { lt: request.afterId } } : {}) },
    orderBy: { id: 'desc' },
    take: request.take,
  });
  return toConnection(rows, request);
}
