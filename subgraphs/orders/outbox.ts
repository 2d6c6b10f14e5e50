import { withTraceContext } from '#lib/tracing/job-context';

/** Event types orders writes to its outbox; a relay publishes them to the queue under these names. */
export const OrderEventType = {
  OrderPlaced: 'OrderPlaced',
} as const;
export type OrderEventType = (typeof OrderEventType)[keyof typeof OrderEventType];

/** What an OrderPlaced event carries: enough for checkout to run without reading orders' tables. */
export interface OrderPlacedPayload {
  orderId: string;
  userId: string;
  total: { amount: number; currency: string };
  lines: { productId: string; quantity: number; unitPriceAmount: number }[];
}

/**
 * The payload as stored in the OutboxEvent row, which placeOrder writes in the transaction that
 * makes the order (the transactional outbox: either both commit or neither does). It carries the
 * trace of the request that placed the order, for the relay and the checkout steps.
 */
export const outboxPayload = (payload: OrderPlacedPayload) => withTraceContext(payload);
