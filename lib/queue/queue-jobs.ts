import type { JobName, QueueName } from './queue-names.ts';

/** An amount in minor units of `currency`. */
export interface JobMoney {
  amount: number;
  currency: string;
}

/**
 * What an OrderPlaced event carries, from orders' outbox to the saga: enough for checkout to run
 * without reading orders' tables. Declared once, here, for the writer and the consumer.
 */
export interface OrderPlacedPayload {
  orderId: string;
  userId: string;
  total: JobMoney;
  lines: { productId: string; quantity: number; unitPriceAmount: number }[];
}

/** What the OrderCancelled and OrderShipped outbox events carry, from cancelOrder/shipOrder to the saga. */
export interface OrderLifecyclePayload {
  orderId: string;
  userId: string;
}

/**
 * The payload of every job, per queue and job name: the contract between the domain workers.
 * Jobs carry ids and the few values the consumer cannot read from its own database.
 */
export interface QueueJobs {
  [QueueName.OrdersSaga]: {
    [JobName.OrderPlaced]: OrderPlacedPayload;
    [JobName.StockReserved]: { orderId: string };
    [JobName.StockRefused]: { orderId: string; reason: string };
    [JobName.PaymentCaptured]: { orderId: string };
    [JobName.PaymentDeclined]: { orderId: string; reason: string };
    [JobName.ReservationExpired]: { orderId: string };
    [JobName.OrderCancelled]: OrderLifecyclePayload;
    [JobName.OrderShipped]: OrderLifecyclePayload;
  };
  [QueueName.Inventory]: {
    [JobName.ReserveStock]: { orderId: string; lines: { productId: string; quantity: number }[] };
    [JobName.CommitReservation]: { orderId: string };
    [JobName.ReleaseReservation]: { orderId: string };
    [JobName.ReturnStock]: { orderId: string };
    [JobName.ExpireReservations]: Record<string, never>;
  };
  [QueueName.Payments]: {
    [JobName.Charge]: { orderId: string; userId: string; amount: number; currency: string; idempotencyKey: string };
    [JobName.CancelPayment]: { orderId: string; reason: string };
    [JobName.RefundPayment]: { orderId: string; reason: string };
  };
  [QueueName.NotificationsEmail]: {
    [JobName.OrderConfirmed]: { orderId: string; userId: string; total: JobMoney };
    [JobName.OrderFailed]: { orderId: string; userId: string; reason: string };
    [JobName.NotifyOrderCancelled]: { orderId: string; userId: string };
    [JobName.NotifyOrderShipped]: { orderId: string; userId: string };
  };
  [QueueName.CatalogAvailability]: {
    /** `version` is inventory's per-product change counter (a bigint, as a decimal string). */
    [JobName.StockAvailabilityChanged]: { productId: string; inStock: boolean; available: number; version: string };
  };
}

export type JobNameOf<Q extends QueueName> = keyof QueueJobs[Q] & string;
export type JobDataOf<Q extends QueueName, N extends JobNameOf<Q>> = QueueJobs[Q][N];
