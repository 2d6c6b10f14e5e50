import { queryDatabase } from '#testing/databases';
import type { PrivateSystem } from '#system/private-system';
import type { ChaosState } from './reconcile.ts';

/**
 * Reads what reconciliation compares, straight from each domain's database (SELECTs only: this
 * is the operator's view, not a client's) and from the fake gateway's lists of captures and refunds.
 */
export async function readChaosState(
  system: PrivateSystem,
  acceptedOrderIds: readonly string[],
  initialOnHand: Readonly<Record<string, number>>,
): Promise<ChaosState> {
  const db = system.databaseUrls;
  const [orders, orderLines, stock, reservations, payments, refunds, notifications, gateway, gatewayRefunds] =
    await Promise.all([
      queryDatabase<ChaosState['orders'][number]>(db['orders']!, 'SELECT id, status, "totalAmount" FROM "Order"'),
      queryDatabase<ChaosState['orderLines'][number]>(
        db['orders']!,
        'SELECT "orderId", "productId", quantity FROM "OrderLine"',
      ),
      queryDatabase<ChaosState['stock'][number]>(
        db['inventory']!,
        'SELECT "productId", "onHand", reserved FROM "StockLevel"',
      ),
      queryDatabase<ChaosState['reservations'][number]>(
        db['inventory']!,
        'SELECT "orderId", status FROM "Reservation"',
      ),
      queryDatabase<ChaosState['payments'][number]>(db['payments']!, 'SELECT "orderId", status FROM "Payment"'),
      queryDatabase<ChaosState['refunds'][number]>(db['payments']!, 'SELECT "orderId", status FROM "Refund"'),
      queryDatabase<ChaosState['notifications'][number]>(
        db['notifications']!,
        `SELECT payload->>'orderId' AS "orderId", template, status, "dedupeKey" FROM "Notification"`,
      ),
      fetch(`${system.backgroundUrls['payment-gateway']}/captures`).then(
        async (response) => (await response.json()) as { captures: ChaosState['captures'] },
      ),
      fetch(`${system.backgroundUrls['payment-gateway']}/refunds`).then(
        async (response) => (await response.json()) as { refunds: ChaosState['gatewayRefunds'] },
      ),
    ]);
  return {
    acceptedOrderIds,
    initialOnHand,
    orders,
    orderLines,
    stock,
    reservations,
    payments,
    refunds,
    captures: gateway.captures,
    gatewayRefunds: gatewayRefunds.refunds,
    notifications,
    processes: Object.values(system.processes).map(({ name, child }) => ({
      name,
      running: child.exitCode === null && child.signalCode === null,
    })),
  };
}
