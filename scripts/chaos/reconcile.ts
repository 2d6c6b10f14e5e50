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
  /** The gateway's record of money actually taken; the key is `order-<orderId>:capture`. */
  captures: readonly { captureId: string; idempotencyKey: string; amount: number }[];
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

const FINAL = new Set(['CONFIRMED', 'FAILED']);
const NOTICE_FOR: Record<string, string> = { CONFIRMED: 'ORDER_CONFIRMED', FAILED: 'ORDER_FAILED' };
const CAPTURE_KEY = /^order-(.+):capture$/;

const countBy = <T>(items: readonly T[], key: (item: T) => string) => {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
};

/**
 * Compares what the databases and the gateway hold after a chaos run with what the pipeline
 * promises: every accepted order final, stock adding up, one capture per confirmed order and
 * none for failed ones, one sent notification per final order. Pure, so it can be tested on rows
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
    if (orders.get(line.orderId)?.status === 'CONFIRMED') {
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
    if (reservation.status === 'HELD' && FINAL.has(orders.get(reservation.orderId)?.status ?? '')) {
      stock.mismatches.push(`order ${reservation.orderId} is final but its reservation is still HELD`);
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
    if (order.status === 'CONFIRMED' && captured !== 1) {
      payments.mismatches.push(`confirmed order ${order.id} has ${captured} captured payments`);
    }
    if (order.status !== 'CONFIRMED' && captured > 0) {
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
    if (order.status !== 'CONFIRMED') gateway.mismatches.push(`money taken for ${order.status} order ${orderId}`);
    if (capture.amount !== order.totalAmount) {
      gateway.mismatches.push(`order ${orderId}: captured ${capture.amount}, total ${order.totalAmount}`);
    }
  }
  for (const order of orders.values()) {
    if (order.status === 'CONFIRMED' && !capturedOrders.has(order.id)) {
      gateway.mismatches.push(`confirmed order ${order.id} has no capture at the gateway`);
    }
  }

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
    const expected = NOTICE_FOR[order.status];
    if (!expected) continue;
    notices.checked += 1;
    const found = noticesByOrder.get(order.id) ?? [];
    const sent = found.filter((notice) => notice.template === expected && notice.status === 'SENT');
    if (found.length !== 1 || sent.length !== 1) {
      const seen = found.map((notice) => `${notice.template} ${notice.status}`).join(', ') || 'none';
      notices.mismatches.push(`${order.status} order ${order.id}: expected one ${expected} SENT, found ${seen}`);
    }
  }

  const alive: Check = { name: 'every process still running', checked: state.processes.length, mismatches: [] };
  for (const { name, running } of state.processes) {
    if (!running) alive.mismatches.push(`${name} has exited`);
  }

  return [accepted, final, stock, payments, gateway, notices, alive];
}
