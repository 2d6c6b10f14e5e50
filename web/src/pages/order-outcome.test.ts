import { describe, expect, it } from 'vitest';
import { orderOutcome } from './order-outcome.ts';

describe('orderOutcome', () => {
  it('says a declined payment was declined and nothing was charged', () => {
    const text = orderOutcome({
      status: 'FAILED',
      failureReason: 'card_declined',
      payment: { __typename: 'Payment', id: 'p', status: 'DECLINED', declineReason: 'card_declined' },
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
});
