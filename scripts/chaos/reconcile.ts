/** What the chaos run reads back from each domain's database and the payment gateway. */
export interface ChaosState {
  /** Orders placeOrder answered with an id during the run. */
  acceptedOrderIds: readonly string[];
  /** On hand per product when the run started. */
  initialOnHand: Readonly<Record<string, number>>;
  orders: readonly { id: string; status: string; totalAmount: number }[];
  orderLines: readonly { orderId: string; productId: string; quantity: number }[];
  stock: readonly { productId: string; onHand: number; reserved: number }[];
  reservations: readonly { orderId: string; status: string }[];
  payments: readonly { orderId: string; status: string }[];
  /** Payments' Refund rows. */
  refunds: readonly { orderId: string; status: string }[];
  /** The gateway's record of money actually taken; the key is `order-<orderId>:capture`. */
  captures: readonly { captureId: string; idempotencyKey: string; amount: number }[];
  /** The gateway's record of money actually given back; the key is `order-<orderId>:refund`. */
  gatewayRefunds: readonly { refundId: string; captureId: string; idempotencyKey: string; amount: number }[];
  notifications: readonly { orderId: string; template: string; status: string; dedupeKey: string }[];
  /** Every process of the system, and whether it is still running (none should die on its own). */
  processes: readonly { name: string; running: boolean }[];
}

export interface Check {
  name: string;
  /** How many items the check looked at (orders, products, captures...). */
  checked: number;
  /** One line per mismatch; none means the check passed. */
  mismatches: string[];
}

const FINAL = new Set(['CONFIRMED', 'FAILED', 'CANCELLED', 'SHIPPED']);
/** Orders whose money is kept and whose units left the warehouse. */
const SOLD = new Set(['CONFIRMED', 'SHIPPED']);
/**
 * The notices each final status must have sent, once each, and the ones it may have besides: an
 * order cancelled after it was confirmed was told both.
 */
const NOTICES: Record<string, { required: string[]; allowed: string[] }> = {
  CONFIRMED: { required: ['ORDER_CONFIRMED'], allowed: [] },
  FAILED: { required: ['ORDER_FAILED'], allowed: [] },
  CANCELLED: { required: ['ORDER_CANCELLED'], allowed: ['ORDER_CONFIRMED'] },
  SHIPPED: { required: ['ORDER_CONFIRMED', 'ORDER_SHIPPED'], allowed: [] },
};
const CAPTURE_KEY = /^order-(.+):capture$/;

const countBy = <T>(items: readonly T[], key: (item: T) => string) => {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
};

/**
 * Compares what the databases and the gateway hold after a chaos run with what the pipeline
 * promises: every accepted order final, stock adding up (cancelled orders' units back), one
 * capture per confirmed order, money taken for a failed or cancelled order refunded exactly once
 * and none refunded twice, the notices each final status calls for. Pure, so it can be tested on rows
 * made up to disagree.
 */
export function reconcile(state: ChaosState): Check[] {
  const orders = new Map(state.orders.map((order) => [order.id, order]));
  const allOrderIds = new Set([...state.acceptedOrderIds, ...orders.keys()]);

  const accepted: Check = { name: 'accepted orders exist', checked: state.acceptedOrderIds.length, mismatches: [] };
  for (const id of state.acceptedOrderIds) {
    if (!orders.has(id)) accepted.mismatches.push(`order ${id} was accepted but is not in the orders database`);
  }

  const final: Check = { name: 'orders in a final state', checked: orders.size, mismatches: [] };
  for (const order of orders.values()) {
    if (!FINAL.has(order.status)) final.mismatches.push(`order ${order.id} is ${order.status}`);
  }

  const stock: Check = { name: 'stock adds up', checked: 0, mismatches: [] };
  const sold = new Map<string, number>();
  for (const line of state.orderLines) {
    if (SOLD.has(orders.get(line.orderId)?.status ?? '')) {
      sold.set(line.productId, (sold.get(line.productId) ?? 0) + line.quantity);
    }
  }
  const levels = new Map(state.stock.map((level) => [level.productId, level]));
  for (const [productId, initial] of Object.entries(state.initialOnHand)) {
    stock.checked += 1;
    const level = levels.get(productId);
    const expected = initial - (sold.get(productId) ?? 0);
    if (!level) {
      stock.mismatches.push(`product ${productId} has no stock level`);
      continue;
    }
    if (level.onHand !== expected) {
      stock.mismatches.push(
        `product ${productId}: on hand ${level.onHand}, expected ${initial} − ${sold.get(productId) ?? 0} sold = ${expected}`,
      );
    }
    if (level.reserved !== 0) stock.mismatches.push(`product ${productId}: ${level.reserved} still reserved`);
    if (level.onHand < 0 || level.reserved < 0) stock.mismatches.push(`product ${productId}: negative stock`);
  }
  for (const productId of sold.keys()) {
    if (!(productId in state.initialOnHand)) stock.mismatches.push(`product ${productId} was sold but never stocked`);
  }
  for (const reservation of state.reservations) {
    const status = orders.get(reservation.orderId)?.status ?? '';
    if (reservation.status === 'HELD' && FINAL.has(status)) {
      stock.mismatches.push(`order ${reservation.orderId} is final but its reservation is still HELD`);
    }
    if (reservation.status === 'COMMITTED' && status === 'CANCELLED') {
      stock.mismatches.push(`order ${reservation.orderId} is CANCELLED but its units were never returned`);
    }
  }

  const payments: Check = { name: 'one captured payment per confirmed order', checked: 0, mismatches: [] };
  const paymentsByOrder = new Map<string, string[]>();
  for (const payment of state.payments) {
    paymentsByOrder.set(payment.orderId, [...(paymentsByOrder.get(payment.orderId) ?? []), payment.status]);
  }
  for (const order of orders.values()) {
    payments.checked += 1;
    const captured = (paymentsByOrder.get(order.id) ?? []).filter((status) => status === 'CAPTURED').length;
    if (SOLD.has(order.status) && captured !== 1) {
      payments.mismatches.push(`confirmed order ${order.id} has ${captured} captured payments`);
    }
    // A capture on an order that ended without a sale is refunded: the payment says REFUNDED.
    if (!SOLD.has(order.status) && captured > 0) {
      payments.mismatches.push(`${order.status} order ${order.id} has a captured payment`);
    }
  }
  for (const orderId of paymentsByOrder.keys()) {
    if (!orders.has(orderId)) payments.mismatches.push(`payment for unknown order ${orderId}`);
  }

  const gateway: Check = { name: 'gateway captures match', checked: state.captures.length, mismatches: [] };
  for (const [key, count] of countBy(state.captures, (capture) => capture.idempotencyKey)) {
    if (count > 1) gateway.mismatches.push(`${count} captures with idempotency key ${key}`);
  }
  const capturedOrders = new Map<string, number>();
  for (const capture of state.captures) {
    const orderId = CAPTURE_KEY.exec(capture.idempotencyKey)?.[1];
    const order = orderId ? orders.get(orderId) : undefined;
    if (!orderId || !order) {
      gateway.mismatches.push(`capture ${capture.captureId} (${capture.idempotencyKey}) is for no known order`);
      continue;
    }
    capturedOrders.set(orderId, (capturedOrders.get(orderId) ?? 0) + 1);
    if (capture.amount !== order.totalAmount) {
      gateway.mismatches.push(`order ${orderId}: captured ${capture.amount}, total ${order.totalAmount}`);
    }
  }
  for (const order of orders.values()) {
    if (SOLD.has(order.status) && !capturedOrders.has(order.id)) {
      gateway.mismatches.push(`confirmed order ${order.id} has no capture at the gateway`);
    }
  }

  const refunds = reconcileRefunds(state, orders);

  const notices: Check = { name: 'one notification sent per final order', checked: 0, mismatches: [] };
  for (const [key, count] of countBy(state.notifications, (notice) => notice.dedupeKey)) {
    if (count > 1) notices.mismatches.push(`${count} notifications with dedupe key ${key}`);
  }
  const noticesByOrder = new Map<string, ChaosState['notifications'][number][]>();
  for (const notice of state.notifications) {
    noticesByOrder.set(notice.orderId, [...(noticesByOrder.get(notice.orderId) ?? []), notice]);
    if (!allOrderIds.has(notice.orderId)) notices.mismatches.push(`notification for unknown order ${notice.orderId}`);
  }
  for (const order of orders.values()) {
    const expected = NOTICES[order.status];
    if (!expected) continue;
    notices.checked += 1;
    const found = noticesByOrder.get(order.id) ?? [];
    const sentOnce = (template: string) =>
      found.filter((notice) => notice.template === template && notice.status === 'SENT').length === 1;
    const fits =
      expected.required.every(sentOnce) &&
      found.every(
        (notice) =>
          notice.status === 'SENT' &&
          (expected.required.includes(notice.template) || expected.allowed.includes(notice.template)),
      ) &&
      found.length <= expected.required.length + expected.allowed.length;
    if (!fits) {
      const seen = found.map((notice) => `${notice.template} ${notice.status}`).join(', ') || 'none';
      notices.mismatches.push(
        `${order.status} order ${order.id}: expected one ${expected.required.join(' and one ')} SENT, found ${seen}`,
      );
    }
  }

  const alive: Check = { name: 'every process still running', checked: state.processes.length, mismatches: [] };
  for (const { name, running } of state.processes) {
    if (!running) alive.mismatches.push(`${name} has exited`);
  }

  return [accepted, final, stock, payments, gateway, refunds, notices, alive];
}

/**
 * Money taken for an order that ended without a sale (FAILED or CANCELLED) is given back exactly
 * once, in payments' books and at the gateway, for the amount taken; nothing else is refunded.
 */
function reconcileRefunds(state: ChaosState, orders: ReadonlyMap<string, ChaosState['orders'][number]>): Check {
  const check: Check = { name: 'one refund per cancelled paid order', checked: 0, mismatches: [] };
  const capturesById = new Map(state.captures.map((capture) => [capture.captureId, capture]));
  const refundsOfCapture = countBy(state.gatewayRefunds, (refund) => refund.captureId);
  const rowsOfOrder = countBy(state.refunds, (refund) => refund.orderId);
  for (const [captureId, count] of refundsOfCapture) {
    if (count > 1) check.mismatches.push(`capture ${captureId} refunded ${count} times at the gateway`);
  }
  for (const [orderId, count] of rowsOfOrder) {
    if (count > 1) check.mismatches.push(`order ${orderId} has ${count} refunds`);
  }
  for (const refund of state.refunds) {
    if (refund.status !== 'SUCCEEDED') check.mismatches.push(`refund of order ${refund.orderId} is ${refund.status}`);
  }
  for (const capture of state.captures) {
    const orderId = CAPTURE_KEY.exec(capture.idempotencyKey)?.[1];
    const order = orderId ? orders.get(orderId) : undefined;
    if (!orderId || !order) continue;
    check.checked += 1;
    const refunded = refundsOfCapture.get(capture.captureId) ?? 0;
    if (SOLD.has(order.status)) {
      if (refunded > 0 || rowsOfOrder.has(orderId))
        check.mismatches.push(`${order.status} order ${orderId} was refunded`);
      continue;
    }
    if (refunded === 0) check.mismatches.push(`money kept for ${order.status} order ${orderId}`);
    if (!rowsOfOrder.has(orderId)) check.mismatches.push(`${order.status} order ${orderId} has no refund recorded`);
  }
  for (const refund of state.gatewayRefunds) {
    const capture = capturesById.get(refund.captureId);
    if (!capture) check.mismatches.push(`refund ${refund.refundId} is of no known capture`);
    else if (refund.amount !== capture.amount) {
      check.mismatches.push(`refund ${refund.refundId}: ${refund.amount} given back, ${capture.amount} taken`);
    }
  }
  return check;
}
