import type { OrderPlacedPayload } from '#lib/queue/queue-jobs';
import { withTraceContext } from '#lib/tracing/job-context';

/** Event types orders writes to its outbox; a relay publishes them to the queue under these names. */
export const OrderEventType = {
  OrderPlaced: 'OrderPlaced',
} as const;
export type OrderEventType = (typeof OrderEventType)[keyof typeof OrderEventType];

/**
 * The payload as stored in the OutboxEvent row, which placeOrder writes in the transaction that
 * makes the order (the transactional outbox: either both commit or neither does). It carries the
 * trace of the request that placed the order, for the relay and the checkout steps.
 */
export const outboxPayload = (payload: OrderPlacedPayload) => withTraceContext(payload);
