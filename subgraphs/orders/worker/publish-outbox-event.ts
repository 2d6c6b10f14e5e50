import type { Producer } from '#lib/queue/create-producer';
import { stepJobId } from '#lib/queue/job-ids';
import { JobName, type QueueName } from '#lib/queue/queue-names';
import { TRACE_CARRIER_KEY, type Traced } from '#lib/tracing/job-context';
import type { OrderLifecyclePayload, OrderPlacedPayload } from '#lib/queue/queue-jobs';
import { OrderEventType } from '../outbox.ts';
import type { OutboxRow, PublishOutboxEvents } from './outbox-relay.ts';

type SagaEventJob = typeof JobName.OrderCancelled | typeof JobName.OrderShipped;

const SAGA_JOB_OF: Record<string, SagaEventJob | undefined> = {
  [OrderEventType.OrderCancelled]: JobName.OrderCancelled,
  [OrderEventType.OrderShipped]: JobName.OrderShipped,
};

const traceOf = (traceContext: Traced<object>[typeof TRACE_CARRIER_KEY]) =>
  traceContext ? { [TRACE_CARRIER_KEY]: traceContext } : {};

/**
 * Publishes a batch of outbox events. OrderPlaced becomes the saga's first command, reserve-stock,
 * added straight to the inventory queue: the saga would decide exactly that for a PENDING order
 * (see saga-decisions.ts), under the same job id, so skipping the order-placed hop changes no
 * outcome: the job id still makes a repeated publish a no-op, and a hold made for an order that
 * was cancelled meanwhile is released when the saga hears stock-reserved. OrderCancelled and
 * OrderShipped go to the saga, which decides their steps. One addBulk per queue: if the second
 * fails, the whole batch is published again later, and the job ids make the first one's repeat a
 * no-op. Each job keeps the trace context the request stored in the event.
 */
export const publishOutboxEvents =
  (producers: {
    inventory: Producer<typeof QueueName.Inventory>;
    saga: Producer<typeof QueueName.OrdersSaga>;
  }): PublishOutboxEvents =>
  async (rows: readonly OutboxRow[]) => {
    const placed = rows.filter((row) => row.type === OrderEventType.OrderPlaced);
    const later = rows.filter((row) => row.type !== OrderEventType.OrderPlaced);
    await producers.inventory.addBulk(
      placed.map((row) => {
        // placeOrder wrote this payload with the OrderPlacedPayload type.
        const { orderId, lines, [TRACE_CARRIER_KEY]: traceContext } = row.payload as Traced<OrderPlacedPayload>;
        return {
          name: JobName.ReserveStock,
          data: {
            orderId,
            lines: lines.map(({ productId, quantity }) => ({ productId, quantity })),
            ...traceOf(traceContext),
          },
          jobId: stepJobId(orderId, JobName.ReserveStock),
        };
      }),
    );
    await producers.saga.addBulk(
      later.map((row) => {
        const name = SAGA_JOB_OF[row.type];
        if (!name) throw new Error(`no queue for outbox event type ${row.type}`);
        // cancelOrder and shipOrder wrote this payload with the OrderLifecyclePayload type.
        const { orderId, userId, [TRACE_CARRIER_KEY]: traceContext } = row.payload as Traced<OrderLifecyclePayload>;
        return { name, data: { orderId, userId, ...traceOf(traceContext) }, jobId: stepJobId(orderId, name) };
      }),
    );
  };
