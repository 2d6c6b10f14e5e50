import type { Producer } from '#lib/queue/create-producer';
import type { JobDataOf } from '#lib/queue/queue-jobs';
import { JobName, type QueueName } from '#lib/queue/queue-names';
import { OrderEventType } from '../outbox.ts';
import type { OutboxRow } from './outbox-relay.ts';

type OrderPlacedJob = JobDataOf<typeof QueueName.OrdersSaga, typeof JobName.OrderPlaced>;

/** Puts an outbox event on the saga queue, under a job id derived from the event's own id. */
export const publishOutboxEvent =
  (saga: Producer<typeof QueueName.OrdersSaga>) =>
  async (row: OutboxRow): Promise<void> => {
    if (row.type !== OrderEventType.OrderPlaced) throw new Error(`no queue for outbox event type ${row.type}`);
    // placeOrder wrote this payload with the OrderPlacedPayload type the job shares.
    await saga.add(JobName.OrderPlaced, row.payload as OrderPlacedJob, `outbox-${row.id}`);
  };
