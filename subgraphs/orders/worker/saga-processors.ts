import type { Processors } from '#lib/queue/start-worker';
import { JobName, type QueueName } from '#lib/queue/queue-names';
import { runSagaStep, type SagaDeps } from './run-saga-step.ts';

/** The saga queue's processors: each job is one event about one order. */
export const sagaProcessors = (deps: SagaDeps): Processors<typeof QueueName.OrdersSaga> => ({
  [JobName.OrderPlaced]: ({ orderId }) => runSagaStep(deps, orderId, { type: 'order-placed' }),
  [JobName.StockReserved]: ({ orderId }) => runSagaStep(deps, orderId, { type: 'stock-reserved' }),
  [JobName.StockRefused]: ({ orderId, reason }) => runSagaStep(deps, orderId, { type: 'stock-refused', reason }),
  [JobName.PaymentCaptured]: ({ orderId }) => runSagaStep(deps, orderId, { type: 'payment-captured' }),
  [JobName.PaymentDeclined]: ({ orderId, reason }) => runSagaStep(deps, orderId, { type: 'payment-declined', reason }),
  [JobName.ReservationExpired]: ({ orderId }) => runSagaStep(deps, orderId, { type: 'reservation-expired' }),
  [JobName.OrderCancelled]: ({ orderId }) => runSagaStep(deps, orderId, { type: 'order-cancelled' }),
  [JobName.OrderShipped]: ({ orderId }) => runSagaStep(deps, orderId, { type: 'order-shipped' }),
});
