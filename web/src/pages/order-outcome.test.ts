import { describe, expect, it } from 'vitest';
import { cancellable, orderOutcome, refundPending } from './order-outcome.ts';

describe('orderOutcome', () => {
  it('says a declined payment was declined and nothing was charged', () => {
    const text = orderOutcome({
      status: 'FAILED',
      failureReason: 'card_declined',
      payment: { __typename: 'Payment', id: 'p', status: 'DECLINED', declineReason: 'card_declined', refunds: [] },
    });
    expect(text).toContain('Your payment was declined');
    expect(text).toContain('nothing was charged');
  });

  it('says items went out of stock for a refused reservation', () => {
    const text = orderOutcome({
      status: 'FAILED',
      failureReason: 'out of stock: product p1 has 0 available, 1 requested',
      payment: null,
    });
    expect(text).toContain('went out of stock');
  });

  it('tells a pending order that the page follows it', () => {
    expect(orderOutcome({ status: 'PENDING', failureReason: null, payment: null })).toContain('updates by itself');
  });

  it('tells a cancelled order what happened to the money: refunded, on its way, or never taken', () => {
    const payment = (status: 'CAPTURED' | 'REFUNDED' | 'FAILED', refunded: boolean) => ({
      __typename: 'Payment' as const,
      id: 'p',
      status,
      declineReason: null,
      refunds: refunded
        ? [
            {
              __typename: 'Refund' as const,
              id: 'r',
              status: 'SUCCEEDED' as const,
              amount: { __typename: 'Money' as const, amount: 2_499, currency: 'USD' },
            },
          ]
        : [],
    });
    const cancelled = (p: ReturnType<typeof payment> | null) => ({
      status: 'CANCELLED' as const,
      failureReason: null,
      payment: p,
    });
    expect(orderOutcome(cancelled(payment('REFUNDED', true)))).toContain('$24.99 was refunded');
    expect(orderOutcome(cancelled(payment('CAPTURED', false)))).toContain('refund is on its way');
    expect(refundPending(cancelled(payment('CAPTURED', false)))).toBe(true);
    expect(refundPending(cancelled(payment('REFUNDED', true)))).toBe(false);
    expect(orderOutcome(cancelled(null))).toContain('Nothing was charged');
  });

  it('offers cancelling until the order ships', () => {
    expect(cancellable({ status: 'PENDING' })).toBe(true);
    expect(cancellable({ status: 'CONFIRMED' })).toBe(true);
    expect(cancellable({ status: 'SHIPPED' })).toBe(false);
    expect(cancellable({ status: 'FAILED' })).toBe(false);
  });
});
