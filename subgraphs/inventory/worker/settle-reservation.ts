import { UnrecoverableError } from 'bullmq';
import type { JobDataOf } from '#lib/queue/queue-jobs';
import type { JobName, QueueName } from '#lib/queue/queue-names';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { commitReservation, releaseReservation } from '../reservations.ts';

type OrderJob = JobDataOf<typeof QueueName.Inventory, typeof JobName.CommitReservation>;

/**
 * Takes a confirmed order's held units out of stock. A hold that is gone (expired or released)
 * cannot be committed by retrying: the job fails for good and waits in the dead-letter set for
 * an operator, since the order was confirmed on stock that may have been sold again.
 */
export const commitReservationProcessor =
  (prisma: PrismaClient) =>
  async ({ orderId }: OrderJob) => {
    const outcome = await commitReservation(prisma, orderId);
    if (!outcome.ok) throw new UnrecoverableError(`cannot commit the stock of order ${orderId}: ${outcome.reason}`);
  };

/** Returns a failed order's held units; releasing twice, or after expiry, is a no-op. */
export const releaseReservationProcessor =
  (prisma: PrismaClient) =>
  async ({ orderId }: OrderJob) => {
    const outcome = await releaseReservation(prisma, orderId);
    if (!outcome.ok) throw new UnrecoverableError(`cannot release the stock of order ${orderId}: ${outcome.reason}`);
  };
