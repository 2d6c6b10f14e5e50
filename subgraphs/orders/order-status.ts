import type { OrderStatus } from './generated/prisma/client.ts';

/**
 * The order lifecycle, in one place:
 *
 *   PENDING ──> CONFIRMED ──> SHIPPED
 *      │            │
 *      ├──> FAILED  └──> CANCELLED
 *      └──> CANCELLED
 *
 * PENDING is where placeOrder leaves an order; checkout takes it to CONFIRMED or FAILED; the
 * customer's cancelOrder and an admin's shipOrder make the other moves (order-lifecycle.ts).
 * FAILED, CANCELLED and SHIPPED are final.
 */
export const ORDER_TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  PENDING: ['CONFIRMED', 'FAILED', 'CANCELLED'],
  CONFIRMED: ['SHIPPED', 'CANCELLED'],
  FAILED: [],
  CANCELLED: [],
  SHIPPED: [],
};

/** The column that records when an order entered each status. */
export const TRANSITION_TIMESTAMP = {
  PENDING: 'placedAt',
  CONFIRMED: 'confirmedAt',
  FAILED: 'failedAt',
  CANCELLED: 'cancelledAt',
  SHIPPED: 'shippedAt',
} as const satisfies Record<OrderStatus, string>;

export const canTransition = (from: OrderStatus, to: OrderStatus): boolean => ORDER_TRANSITIONS[from].includes(to);

/** The statuses an order may be in to move to `to`. */
export const statusesBefore = (to: OrderStatus): OrderStatus[] =>
  (Object.keys(ORDER_TRANSITIONS) as OrderStatus[]).filter((from) => canTransition(from, to));

export const isFinal = (status: OrderStatus): boolean => ORDER_TRANSITIONS[status].length === 0;
