import type { OrderLifecyclePayload, OrderPlacedPayload } from '#lib/queue/queue-jobs';
import { withTraceContext } from '#lib/tracing/job-context';

/** Event types orders writes to its outbox; a relay publishes them to the queue under these names. */
export const OrderEventType = {
  OrderPlaced: 'OrderPlaced',
  OrderCancelled: 'OrderCancelled',
  OrderShipped: 'OrderShipped',
} as const;
export type OrderEventType = (typeof OrderEventType)[keyof typeof OrderEventType];

/**
 * The payload as stored in the OutboxEvent row, which placeOrder (cancelOrder, shipOrder) writes in
 * the transaction that makes (moves) the order (the transactional outbox: either both commit or
 * neither does). It carries the trace of the request, for the relay and the saga steps.
 */
export const outboxPayload = (payload: OrderPlacedPayload | OrderLifecyclePayload) => withTraceContext(payload);
