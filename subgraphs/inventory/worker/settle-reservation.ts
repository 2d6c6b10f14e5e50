import { UnrecoverableError } from 'bullmq';
import type { JobDataOf } from '#lib/queue/queue-jobs';
import type { JobName, QueueName } from '#lib/queue/queue-names';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { commitReservation, releaseReservation, returnStock } from '../reservations.ts';

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
    // The order was cancelled before this commit ran: its units are back on sale, as they should be.
    if (!outcome.ok && outcome.reason === 'RETURNED') return;
    if (!outcome.ok) throw new UnrecoverableError(`cannot commit the stock of order ${orderId}: ${outcome.reason}`);
  };

/** Returns a failed order's held units; releasing twice, or after expiry, is a no-op. */
export const releaseReservationProcessor =
  (prisma: PrismaClient) =>
  async ({ orderId }: OrderJob) => {
    const outcome = await releaseReservation(prisma, orderId);
    if (!outcome.ok) throw new UnrecoverableError(`cannot release the stock of order ${orderId}: ${outcome.reason}`);
  };

/** Puts a cancelled order's units back on sale, held or committed; returning twice is a no-op. */
export const returnStockProcessor =
  (prisma: PrismaClient) =>
  async ({ orderId }: OrderJob) => {
    await returnStock(prisma, orderId);
  };
