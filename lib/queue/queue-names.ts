/**
 * Every queue and job name of the checkout pipeline, in one place. A queue belongs to the domain
 * whose worker consumes it; other domains only add jobs to it (commands, or replies to the saga).
 */
export const QueueName = {
  /** Consumed by the orders worker: order events and the replies the saga waits for. */
  OrdersSaga: 'orders-saga',
  /** Consumed by the inventory worker: stock commands and the reservation-expiry schedule. */
  Inventory: 'inventory',
  /** Consumed by the payments worker: charge and refund commands. */
  Payments: 'payments',
  /** Consumed by the notifications worker; one queue per delivery channel so each has its own rate limit. */
  NotificationsEmail: 'notifications-email',
  /** Consumed by the catalog worker: stock availability changes inventory publishes. */
  CatalogAvailability: 'catalog-availability',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export const ALL_QUEUES: readonly QueueName[] = Object.values(QueueName);

export const JobName = {
  OrderPlaced: 'order-placed',
  StockReserved: 'stock-reserved',
  StockRefused: 'stock-refused',
  PaymentCaptured: 'payment-captured',
  PaymentDeclined: 'payment-declined',
  ReservationExpired: 'reservation-expired',
  OrderCancelled: 'order-cancelled',
  OrderShipped: 'order-shipped',
  ReserveStock: 'reserve-stock',
  CommitReservation: 'commit-reservation',
  ReleaseReservation: 'release-reservation',
  ReturnStock: 'return-stock',
  ExpireReservations: 'expire-reservations',
  Charge: 'charge',
  CancelPayment: 'cancel-payment',
  RefundPayment: 'refund-payment',
  OrderConfirmed: 'order-confirmed',
  OrderFailed: 'order-failed',
  NotifyOrderCancelled: 'notify-order-cancelled',
  NotifyOrderShipped: 'notify-order-shipped',
  StockAvailabilityChanged: 'stock-availability-changed',
} as const;
export type JobName = (typeof JobName)[keyof typeof JobName];

/** True for a string naming one of the pipeline's queues (admin input is checked against it). */
export const isQueueName = (value: string): value is QueueName => (ALL_QUEUES as readonly string[]).includes(value);
