import type { Producer } from '#lib/queue/create-producer';
import { stepJobId } from '#lib/queue/job-ids';
import { JobName, type QueueName } from '#lib/queue/queue-names';
import { TRACE_CARRIER_KEY, type Traced } from '#lib/tracing/job-context';
import type { OrderPlacedPayload } from '#lib/queue/queue-jobs';
import { OrderEventType } from '../outbox.ts';
import type { OutboxRow, PublishOutboxEvents } from './outbox-relay.ts';

/**
 * Turns OrderPlaced events into the saga's first command, reserve-stock, added straight to the
 * inventory queue in one addBulk. The saga would decide exactly that for a PENDING order (see
 * saga-decisions.ts), under the same job id, so skipping the order-placed hop changes no outcome:
 * the job id still makes a repeated publish a no-op, and a hold made for an order that was
 * cancelled meanwhile is released when the saga hears stock-reserved. Each job keeps the trace
 * context placeOrder stored in the event.
 */
export const publishOutboxEvents =
  (inventory: Producer<typeof QueueName.Inventory>): PublishOutboxEvents =>
  async (rows: readonly OutboxRow[]) => {
    await inventory.addBulk(
      rows.map((row) => {
        if (row.type !== OrderEventType.OrderPlaced) throw new Error(`no queue for outbox event type ${row.type}`);
        // placeOrder wrote this payload with the OrderPlacedPayload type.
        const { orderId, lines, [TRACE_CARRIER_KEY]: traceContext } = row.payload as Traced<OrderPlacedPayload>;
        return {
          name: JobName.ReserveStock,
          data: {
            orderId,
            lines: lines.map(({ productId, quantity }) => ({ productId, quantity })),
            ...(traceContext ? { [TRACE_CARRIER_KEY]: traceContext } : {}),
          },
          jobId: stepJobId(orderId, JobName.ReserveStock),
        };
      }),
    );
  };
