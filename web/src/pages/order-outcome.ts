import type { OrderQuery } from '../generated/graphql.ts';

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
      return 'This order was cancelled. Nothing was charged.';
    case 'FAILED':
      return failureText(order.failureReason ?? '', order.payment?.status === 'DECLINED');
  }
}

function failureText(reason: string, declined: boolean): string {
  if (declined || /declined|insufficient_funds/.test(reason)) {
    return 'Your payment was declined, so the order was not placed and nothing was charged. Please try another payment method.';
  }
  if (reason.startsWith('out of stock')) {
    return 'Some items went out of stock before we could reserve them, so the order was not placed and nothing was charged.';
  }
  return `The order could not be completed (${reason || 'no reason given'}). Nothing was charged.`;
}
