import type { OrderQuery } from '../generated/graphql.ts';
import { formatMoney } from '../money.ts';

type Order = OrderQuery['order'];

/** What the order's status means for the shopper, in words. */
export function orderOutcome(order: Pick<Order, 'status' | 'failureReason' | 'payment'>): string {
  switch (order.status) {
    case 'PENDING':
      return 'We are reserving your items and taking payment. This page updates by itself.';
    case 'CONFIRMED':
      return 'Your order is confirmed. Thank you! A confirmation is on its way to your inbox.';
    case 'SHIPPED':
      return 'Your order has shipped.';
    case 'CANCELLED':
      return cancelledText(order.payment);
    case 'FAILED':
      return failureText(order.failureReason ?? '', order.payment?.status === 'DECLINED');
  }
}

/** A cancelled order's money: never taken, given back, or on its way back (the refund runs in the background). */
function cancelledText(payment: Order['payment']): string {
  const refund = payment?.refunds.find(({ status }) => status === 'SUCCEEDED');
  if (refund) return `This order was cancelled and ${formatMoney(refund.amount)} was refunded to your card.`;
  if (payment?.status === 'CAPTURED') return 'This order was cancelled. Your refund is on its way.';
  return 'This order was cancelled. Nothing was charged.';
}

/** Whether a cancelled order's payment is still to be refunded, so the page keeps following it. */
export const refundPending = (order: Pick<Order, 'status' | 'payment'>): boolean =>
  order.status === 'CANCELLED' && (order.payment?.status === 'CAPTURED' || order.payment?.status === 'AUTHORIZED');

/** The customer may cancel until the order ships (or has ended otherwise). */
export const cancellable = (order: Pick<Order, 'status'>): boolean =>
  order.status === 'PENDING' || order.status === 'CONFIRMED';

function failureText(reason: string, declined: boolean): string {
  if (declined || /declined|insufficient_funds/.test(reason)) {
    return 'Your payment was declined, so the order was not placed and nothing was charged. Please try another payment method.';
  }
  if (reason.startsWith('out of stock')) {
    return 'Some items went out of stock before we could reserve them, so the order was not placed and nothing was charged.';
  }
  return `The order could not be completed (${reason || 'no reason given'}). Nothing was charged.`;
}
