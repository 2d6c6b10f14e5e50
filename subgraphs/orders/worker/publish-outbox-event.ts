import type { Producer } from '#lib/queue/create-producer';
import type { OrderPlacedPayload } from '#lib/queue/queue-jobs';
import { JobName, type QueueName } from '#lib/queue/queue-names';
import { runInTraceContext, type Traced } from '#lib/tracing/job-context';
import { OrderEventType } from '../outbox.ts';
import type { OutboxRow } from './outbox-relay.ts';

/** Puts an outbox event on the saga queue, under a job id derived from the event's own id. */
export const publishOutboxEvent =
  (saga: Producer<typeof QueueName.OrdersSaga>) =>
  async (row: OutboxRow): Promise<void> => {
    if (row.type !== OrderEventType.OrderPlaced) throw new Error(`no queue for outbox event type ${row.type}`);
    // placeOrder wrote this JSON as an OrderPlacedPayload (the job's own type), with the trace
    // context of its request, which the job continues rather than the relay's own.
    const payload = row.payload as Traced<OrderPlacedPayload>;
    await runInTraceContext(payload.traceContext, () => saga.add(JobName.OrderPlaced, payload, `outbox-${row.id}`));
  };
