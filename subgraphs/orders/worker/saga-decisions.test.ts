import { describe, expect, it } from 'vitest';
import { decideSagaStep, RESERVATION_EXPIRED_REASON, type SagaEvent } from './saga-decisions.ts';

const pending = { status: 'PENDING' as const, failureReason: null };
const failedOrder = { status: 'FAILED' as const, failureReason: 'out of stock' };
const confirmed = { status: 'CONFIRMED' as const, failureReason: null };
const kinds = (order: Parameters<typeof decideSagaStep>[0], event: SagaEvent) =>
  decideSagaStep(order, event).map((action) => action.kind);

describe('decideSagaStep', () => {
  it('walks the happy path: reserve, charge, then confirm, commit and notify', () => {
    expect(kinds(pending, { type: 'order-placed' })).toEqual(['reserve-stock']);
    expect(kinds(pending, { type: 'stock-reserved' })).toEqual(['charge']);
    expect(kinds(pending, { type: 'payment-captured' })).toEqual(['confirm', 'commit-reservation', 'notify-confirmed']);
  });

  it('fails an out-of-stock order with its reason and tells the customer, releasing nothing', () => {
    expect(decideSagaStep(pending, { type: 'stock-refused', reason: 'out of stock: x' })).toEqual([
      { kind: 'fail', reason: 'out of stock: x' },
      { kind: 'notify-failed', reason: 'out of stock: x' },
    ]);
  });

  it('releases the stock of a declined order before failing it', () => {
    expect(kinds(pending, { type: 'payment-declined', reason: 'payment declined: card_declined' })).toEqual([
      'release-reservation',
      'fail',
      'notify-failed',
    ]);
  });

  it('fails an order whose hold expired and cancels its open payment', () => {
    expect(decideSagaStep(pending, { type: 'reservation-expired' })).toEqual([
      { kind: 'cancel-payment', reason: RESERVATION_EXPIRED_REASON },
      { kind: 'fail', reason: RESERVATION_EXPIRED_REASON },
      { kind: 'notify-failed', reason: RESERVATION_EXPIRED_REASON },
    ]);
  });

  it('re-issues only follow-ups for a redelivered event, never a second state change', () => {
    expect(kinds(confirmed, { type: 'payment-captured' })).toEqual(['commit-reservation', 'notify-confirmed']);
    expect(decideSagaStep(failedOrder, { type: 'stock-refused', reason: 'other' })).toEqual([
      { kind: 'notify-failed', reason: 'out of stock' },
    ]);
    expect(kinds(confirmed, { type: 'order-placed' })).toEqual([]);
    expect(kinds(confirmed, { type: 'stock-reserved' })).toEqual([]);
  });

  it('releases a hold that arrives for an order that already failed', () => {
    expect(kinds(failedOrder, { type: 'stock-reserved' })).toEqual(['release-reservation']);
  });

  it('raises an alert instead of acting when money or stock meets an order in the other final state', () => {
    expect(kinds(failedOrder, { type: 'payment-captured' })).toEqual(['alert']);
    expect(kinds(confirmed, { type: 'reservation-expired' })).toEqual(['alert']);
    expect(kinds(confirmed, { type: 'payment-declined', reason: 'x' })).toEqual([]);
  });
});
