import type { Prisma } from './generated/prisma/client.ts';
import type { OrderPlacedPayload } from '#lib/queue/queue-jobs';
import { withTraceContext } from '#lib/tracing/job-context';

/** Event types orders writes to its outbox; a relay publishes them to the queue under these names. */
export const OrderEventType = {
  OrderPlaced: 'OrderPlaced',
} as const;
export type OrderEventType = (typeof OrderEventType)[keyof typeof OrderEventType];

/**
 * Records an event in the transaction that makes the change it describes: either both commit or
 * neither does, so no event is lost between the database and the queue (the transactional outbox).
 */
export function writeOutboxEvent(
  tx: Prisma.TransactionClient,
  event: { aggregateId: string; type: OrderEventType; payload: OrderPlacedPayload },
) {
  return tx.outboxEvent.create({
    data: {
      aggregateId: event.aggregateId,
      type: event.type,
      // The trace of the request that placed the order travels with the event to the relay and the saga.
      payload: withTraceContext(event.payload) as unknown as Prisma.InputJsonValue,
    },
  });
}
