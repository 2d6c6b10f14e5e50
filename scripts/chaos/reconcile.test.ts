import { describe, expect, it } from 'vitest';
import { reconcile, type ChaosState } from './reconcile.ts';

const P1 = 'product-1';
const P2 = 'product-2';

/**
 * Two confirmed orders, one failed, one cancelled after it was confirmed (refunded) and one
 * cancelled before it was charged: every effect where it belongs.
 */
function consistentState(): ChaosState {
  return {
    acceptedOrderIds: ['o1', 'o2', 'o3', 'o4', 'o5'],
    initialOnHand: { [P1]: 10, [P2]: 5 },
    orders: [
      { id: 'o1', status: 'CONFIRMED', totalAmount: 300 },
      { id: 'o2', status: 'CONFIRMED', totalAmount: 100 },
      { id: 'o3', status: 'FAILED', totalAmount: 200 },
      { id: 'o4', status: 'CANCELLED', totalAmount: 150 },
      { id: 'o5', status: 'CANCELLED', totalAmount: 50 },
    ],
    orderLines: [
      { orderId: 'o1', productId: P1, quantity: 2 },
      { orderId: 'o1', productId: P2, quantity: 1 },
      { orderId: 'o2', productId: P1, quantity: 1 },
      { orderId: 'o3', productId: P2, quantity: 4 },
      { orderId: 'o4', productId: P1, quantity: 1 },
      { orderId: 'o5', productId: P2, quantity: 1 },
    ],
    stock: [
      { productId: P1, onHand: 7, reserved: 0 },
      { productId: P2, onHand: 4, reserved: 0 },
    ],
    reservations: [
      { orderId: 'o1', status: 'COMMITTED' },
      { orderId: 'o2', status: 'COMMITTED' },
      { orderId: 'o3', status: 'RELEASED' },
      { orderId: 'o4', status: 'RETURNED' },
      { orderId: 'o5', status: 'RETURNED' },
    ],
    payments: [
      { orderId: 'o1', status: 'CAPTURED' },
      { orderId: 'o2', status: 'CAPTURED' },
      { orderId: 'o3', status: 'DECLINED' },
      { orderId: 'o4', status: 'REFUNDED' },
    ],
    refunds: [{ orderId: 'o4', status: 'SUCCEEDED' }],
    captures: [
      { captureId: 'c1', idempotencyKey: 'order-o1:capture', amount: 300 },
      { captureId: 'c2', idempotencyKey: 'order-o2:capture', amount: 100 },
      { captureId: 'c4', idempotencyKey: 'order-o4:capture', amount: 150 },
    ],
    gatewayRefunds: [{ refundId: 'r4', captureId: 'c4', idempotencyKey: 'order-o4:refund', amount: 150 }],
    notifications: [
      { orderId: 'o1', template: 'ORDER_CONFIRMED', status: 'SENT', dedupeKey: 'order_confirmed:o1' },
      { orderId: 'o2', template: 'ORDER_CONFIRMED', status: 'SENT', dedupeKey: 'order_confirmed:o2' },
      { orderId: 'o3', template: 'ORDER_FAILED', status: 'SENT', dedupeKey: 'order_failed:o3' },
      { orderId: 'o4', template: 'ORDER_CONFIRMED', status: 'SENT', dedupeKey: 'order_confirmed:o4' },
      { orderId: 'o4', template: 'ORDER_CANCELLED', status: 'SENT', dedupeKey: 'order_cancelled:o4' },
      { orderId: 'o5', template: 'ORDER_CANCELLED', status: 'SENT', dedupeKey: 'order_cancelled:o5' },
    ],
    processes: [
      { name: 'orders', running: true },
      { name: 'payments-worker', running: true },
    ],
  };
}

const mismatchesOf = (state: ChaosState, check: string) =>
  reconcile(state).find(({ name }) => name === check)!.mismatches;

describe('reconcile', () => {
  it('passes every check when the effects add up', () => {
    const checks = reconcile(consistentState());
    expect(checks.map(({ name }) => name)).toEqual([
      'accepted orders exist',
      'orders in a final state',
      'stock adds up',
      'one captured payment per confirmed order',
      'gateway captures match',
      'one refund per cancelled paid order',
      'one notification sent per final order',
      'every process still running',
    ]);
    expect(checks.flatMap(({ mismatches }) => mismatches)).toEqual([]);
    expect(checks.map(({ checked }) => checked)).toEqual([5, 5, 2, 5, 3, 3, 5, 2]);
  });

  it('reports an accepted order that was lost and one left pending', () => {
    const state = consistentState();
    const lost = { ...state, acceptedOrderIds: [...state.acceptedOrderIds, 'o8'] };
    expect(mismatchesOf(lost, 'accepted orders exist')).toEqual([
      'order o8 was accepted but is not in the orders database',
    ]);
    const stuck = { ...state, orders: [...state.orders, { id: 'o9', status: 'PENDING', totalAmount: 1 }] };
    expect(mismatchesOf(stuck, 'orders in a final state')).toEqual(['order o9 is PENDING']);
  });

  it('reports stock that does not add up, is still reserved, or went negative', () => {
    const state = consistentState();
    const wrong = {
      ...state,
      stock: [
        { productId: P1, onHand: 8, reserved: 0 },
        { productId: P2, onHand: -1, reserved: 4 },
      ],
      reservations: [...state.reservations.slice(0, 2), { orderId: 'o3', status: 'HELD' }],
    };
    expect(mismatchesOf(wrong, 'stock adds up')).toEqual([
      `product ${P1}: on hand 8, expected 10 − 3 sold = 7`,
      `product ${P2}: on hand -1, expected 5 − 1 sold = 4`,
      `product ${P2}: 4 still reserved`,
      `product ${P2}: negative stock`,
      'order o3 is final but its reservation is still HELD',
    ]);
  });

  it('reports a confirmed order without a capture and a failed order with one', () => {
    const state = consistentState();
    const wrong = {
      ...state,
      payments: [
        { orderId: 'o1', status: 'AUTHORIZED' },
        { orderId: 'o2', status: 'CAPTURED' },
        { orderId: 'o3', status: 'CAPTURED' },
      ],
    };
    expect(mismatchesOf(wrong, 'one captured payment per confirmed order')).toEqual([
      'confirmed order o1 has 0 captured payments',
      'FAILED order o3 has a captured payment',
    ]);
  });

  it('reports double captures, money taken for failed orders and missing captures at the gateway', () => {
    const state = consistentState();
    const wrong = {
      ...state,
      captures: [
        { captureId: 'c1', idempotencyKey: 'order-o1:capture', amount: 300 },
        { captureId: 'c1b', idempotencyKey: 'order-o1:capture', amount: 300 },
        { captureId: 'c3', idempotencyKey: 'order-o3:capture', amount: 150 },
        { captureId: 'c9', idempotencyKey: 'something-else', amount: 5 },
      ],
    };
    expect(mismatchesOf(wrong, 'gateway captures match')).toEqual([
      '2 captures with idempotency key order-o1:capture',
      'order o3: captured 150, total 200',
      'capture c9 (something-else) is for no known order',
      'confirmed order o2 has no capture at the gateway',
    ]);
  });

  it('reports money kept for a failed order, a refund given twice, and a refunded confirmed order', () => {
    const state = consistentState();
    const wrong = {
      ...state,
      payments: [...state.payments, { orderId: 'o3', status: 'FAILED' }],
      refunds: [...state.refunds, { orderId: 'o4', status: 'SUCCEEDED' }, { orderId: 'o2', status: 'PENDING' }],
      captures: [...state.captures, { captureId: 'c3', idempotencyKey: 'order-o3:capture', amount: 200 }],
      gatewayRefunds: [
        ...state.gatewayRefunds,
        { refundId: 'r4b', captureId: 'c4', idempotencyKey: 'order-o4:refund-again', amount: 150 },
        { refundId: 'r2', captureId: 'c2', idempotencyKey: 'order-o2:refund', amount: 90 },
      ],
    };
    expect(mismatchesOf(wrong, 'one refund per cancelled paid order')).toEqual([
      'capture c4 refunded 2 times at the gateway',
      'order o4 has 2 refunds',
      'refund of order o2 is PENDING',
      'CONFIRMED order o2 was refunded',
      'money kept for FAILED order o3',
      'FAILED order o3 has no refund recorded',
      'refund r2: 90 given back, 100 taken',
    ]);
  });

  it('reports a cancelled order whose units were never returned, or that was not told', () => {
    const state = consistentState();
    const wrong = {
      ...state,
      stock: [
        { productId: P1, onHand: 6, reserved: 0 },
        { productId: P2, onHand: 4, reserved: 0 },
      ],
      reservations: [...state.reservations.slice(0, 3), { orderId: 'o4', status: 'COMMITTED' }],
      notifications: state.notifications.filter(({ orderId }) => orderId !== 'o5'),
    };
    expect(mismatchesOf(wrong, 'stock adds up')).toEqual([
      `product ${P1}: on hand 6, expected 10 − 3 sold = 7`,
      'order o4 is CANCELLED but its units were never returned',
    ]);
    expect(mismatchesOf(wrong, 'one notification sent per final order')).toEqual([
      'CANCELLED order o5: expected one ORDER_CANCELLED SENT, found none',
    ]);
  });

  it('reports missing, unsent, wrong and duplicate notifications', () => {
    const state = consistentState();
    const wrong = {
      ...state,
      notifications: [
        { orderId: 'o1', template: 'ORDER_CONFIRMED', status: 'PENDING', dedupeKey: 'order_confirmed:o1' },
        { orderId: 'o3', template: 'ORDER_CONFIRMED', status: 'SENT', dedupeKey: 'order_confirmed:o3' },
        { orderId: 'o3', template: 'ORDER_FAILED', status: 'SENT', dedupeKey: 'order_failed:o3' },
        { orderId: 'o3', template: 'ORDER_FAILED', status: 'SENT', dedupeKey: 'order_failed:o3' },
        ...state.notifications.slice(3),
      ],
    };
    expect(mismatchesOf(wrong, 'one notification sent per final order')).toEqual([
      '2 notifications with dedupe key order_failed:o3',
      'CONFIRMED order o1: expected one ORDER_CONFIRMED SENT, found ORDER_CONFIRMED PENDING',
      'CONFIRMED order o2: expected one ORDER_CONFIRMED SENT, found none',
      'FAILED order o3: expected one ORDER_FAILED SENT, found ORDER_CONFIRMED SENT, ORDER_FAILED SENT, ORDER_FAILED SENT',
    ]);
  });

  it('reports a process that died on its own', () => {
    const state = { ...consistentState(), processes: [{ name: 'orders', running: false }] };
    expect(mismatchesOf(state, 'every process still running')).toEqual(['orders has exited']);
  });
});
