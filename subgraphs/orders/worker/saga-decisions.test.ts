import { describe, expect, it } from 'vitest';
import {
  CANCELLED_REASON,
  decideSagaStep,
  LATE_CAPTURE_REASON,
  RESERVATION_EXPIRED_REASON,
  type SagaEvent,
} from './saga-decisions.ts';

const pending = { status: 'PENDING' as const, failureReason: null };
const failedOrder = { status: 'FAILED' as const, failureReason: 'out of stock' };
const confirmed = { status: 'CONFIRMED' as const, failureReason: null };
const cancelled = { status: 'CANCELLED' as const, failureReason: null };
const shipped = { status: 'SHIPPED' as const, failureReason: null };
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

  it('refunds a capture that lands on a failed or cancelled order, under its own job', () => {
    for (const order of [failedOrder, cancelled]) {
      expect(decideSagaStep(order, { type: 'payment-captured' })).toEqual([
        { kind: 'refund', cause: 'late-capture', reason: LATE_CAPTURE_REASON },
      ]);
    }
  });

  it('refunds, returns the stock of and notifies a cancelled order, and does nothing more on a repeat', () => {
    expect(decideSagaStep(cancelled, { type: 'order-cancelled' })).toEqual([
      { kind: 'refund', cause: 'cancelled', reason: CANCELLED_REASON },
      { kind: 'return-stock' },
      { kind: 'notify-cancelled' },
    ]);
    // A cancelled order's later events change nothing: its own steps cover hold and charge.
    expect(kinds(cancelled, { type: 'stock-refused', reason: 'x' })).toEqual([]);
    expect(kinds(cancelled, { type: 'payment-declined', reason: 'x' })).toEqual([]);
    expect(kinds(cancelled, { type: 'reservation-expired' })).toEqual([]);
  });

  it('notifies a shipped order, and a shipped order is committed like a confirmed one', () => {
    expect(kinds(shipped, { type: 'order-shipped' })).toEqual(['notify-shipped']);
    expect(kinds(confirmed, { type: 'order-shipped' })).toEqual([]);
    expect(kinds(shipped, { type: 'payment-captured' })).toEqual(['commit-reservation', 'notify-confirmed']);
  });

  it('raises an alert instead of acting when a hold expires under a confirmed order', () => {
    expect(kinds(confirmed, { type: 'reservation-expired' })).toEqual(['alert']);
    expect(kinds(confirmed, { type: 'payment-declined', reason: 'x' })).toEqual([]);
  });
});
