import type { Producer } from '#lib/queue/create-producer';
import { stepJobId } from '#lib/queue/job-ids';
import { JobName, type QueueName } from '#lib/queue/queue-names';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { expireReservations } from '../reservations.ts';

/** How far back each sweep announces expiries again, covering a crash between expiring and telling. */
const ANNOUNCE_WINDOW_MS = 10 * 60_000;
const BATCH = 500;

/**
 * The scheduled sweep: returns the units of holds past their time, then tells the saga about
 * every hold that expired recently, including ones an earlier sweep expired but crashed before
 * announcing (the reply's job id makes a repeated announcement a no-op).
 */
export const expireReservationsProcessor =
  ({ prisma, saga }: { prisma: PrismaClient; saga: Producer<typeof QueueName.OrdersSaga> }) =>
  async () => {
    const now = new Date();
    while ((await expireReservations(prisma, now, BATCH)).expiredOrderIds.length === BATCH);
    const expired = await prisma.reservation.findMany({
      where: { status: 'EXPIRED', updatedAt: { gte: new Date(now.getTime() - ANNOUNCE_WINDOW_MS) } },
      select: { orderId: true },
    });
    for (const { orderId } of expired) {
      await saga.add(JobName.ReservationExpired, { orderId }, stepJobId(orderId, JobName.ReservationExpired));
    }
  };
