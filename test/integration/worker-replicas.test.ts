import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSystem, type TestSystem } from '#test/harness/system';
import { scrapeMetrics } from '#test/harness/prometheus';
import { createAdmin, registerCustomer } from '#testing/accounts';
import { queryDatabase } from '#testing/databases';
import { CHECKOUT_TEST_ENV, checkout, createStockedProduct, eventually } from '#testing/checkout';
import { WORKERS } from '#system/topology';

const CUSTOMERS = 4;
const ORDERS_PER_CUSTOMER = 5;
const ORDERS = CUSTOMERS * ORDERS_PER_CUSTOMER;
const STOCK = 100;
// Two jobs at a time per process: a backlog builds, so both processes of each worker take jobs.
const CONCURRENCY = Object.fromEntries(WORKERS.map(({ envPrefix }) => [`${envPrefix}_CONCURRENCY`, '2']));

/** Jobs a worker process completed, from its own /metrics. */
async function completedJobs(baseUrl: string): Promise<number> {
  const { samples } = await scrapeMetrics(`${baseUrl}/metrics`);
  return samples
    .filter(({ name, labels }) => name === 'bullmq_job_duration_seconds_count' && labels['outcome'] === 'completed')
    .reduce((sum, { value }) => sum + value, 0);
}

describe('two processes of the router and of every checkout worker (replicas: 2)', () => {
  let system: TestSystem;
  let productId: string;
  const orderIds: string[] = [];

  beforeAll(async () => {
    system = await startSystem({ background: true, replicas: 2, env: { ...CHECKOUT_TEST_ENV, ...CONCURRENCY } });
    const admin = await createAdmin(system);
    productId = await createStockedProduct(system, admin, 1_000, STOCK);
    const customers = await Promise.all(
      Array.from({ length: CUSTOMERS }, (_, index) => registerCustomer(system, `replica-${index}@example.com`)),
    );
    await Promise.all(
      customers.map(async (customer) => {
        for (let n = 0; n < ORDERS_PER_CUSTOMER; n += 1)
          orderIds.push((await checkout(system, customer, productId)).id);
      }),
    );
    await eventually(
      async () => {
        const [row] = await queryDatabase<{ settled: number }>(
          system.databaseUrls['orders']!,
          `SELECT count(*)::int AS settled FROM "Order" WHERE status IN ('CONFIRMED', 'FAILED')`,
        );
        return row?.settled === ORDERS ? true : undefined;
      },
      90_000,
      'every order settled',
    );
    // The last notifications may still be sending when the orders are final.
    await eventually(
      async () => {
        const [row] = await queryDatabase<{ sent: number }>(
          system.databaseUrls['notifications']!,
          `SELECT count(*)::int AS sent FROM "Notification" WHERE status = 'SENT'`,
        );
        return (row?.sent ?? 0) >= ORDERS ? true : undefined;
      },
      30_000,
      'every notification sent',
    );
    // Fifteen processes to start and twenty orders through four workers: more than the default hook time.
  }, 300_000);
  afterAll(() => system?.stop());

  it('runs each worker twice, and both processes take jobs', async () => {
    // The catalog worker runs twice too, but gets a job only when a product's availability flips,
    // too rarely in this batch for both of its processes to be sure of one.
    for (const { name } of WORKERS.filter(({ domain }) => domain !== 'catalog')) {
      const [first, second] = [system.backgroundUrls[name], system.backgroundUrls[`${name}-2`]];
      expect(first, name).toBeDefined();
      expect(second, `${name}-2`).toBeDefined();
      expect(await completedJobs(first!), name).toBeGreaterThan(0);
      expect(await completedJobs(second!), `${name}-2`).toBeGreaterThan(0);
    }
  });

  it('confirms every order once, with one hold, one capture and one notice each', async () => {
    const db = system.databaseUrls;
    const orders = await queryDatabase<{ id: string; status: string }>(db['orders']!, 'SELECT id, status FROM "Order"');
    expect(orders.map(({ id }) => id).sort()).toEqual([...orderIds].sort());
    expect(orders.every(({ status }) => status === 'CONFIRMED')).toBe(true);

    const [stock] = await queryDatabase<{ onHand: number; reserved: number }>(
      db['inventory']!,
      'SELECT "onHand", reserved FROM "StockLevel" WHERE "productId" = $1',
      [productId],
    );
    expect(stock).toEqual({ onHand: STOCK - ORDERS, reserved: 0 });
    const holds = await queryDatabase<{ orderId: string; status: string }>(
      db['inventory']!,
      'SELECT "orderId", status FROM "Reservation"',
    );
    expect(holds.map(({ orderId }) => orderId).sort()).toEqual([...orderIds].sort());
    expect(holds.every(({ status }) => status === 'COMMITTED')).toBe(true);

    const payments = await queryDatabase<{ orderId: string; status: string }>(
      db['payments']!,
      'SELECT "orderId", status FROM "Payment"',
    );
    expect(payments.map(({ orderId }) => orderId).sort()).toEqual([...orderIds].sort());
    expect(payments.every(({ status }) => status === 'CAPTURED')).toBe(true);
    const { captures } = (await (await fetch(`${system.backgroundUrls['payment-gateway']}/captures`)).json()) as {
      captures: { idempotencyKey: string }[];
    };
    expect(captures.map(({ idempotencyKey }) => idempotencyKey).sort()).toEqual(
      orderIds.map((id) => `order-${id}:capture`).sort(),
    );

    const notices = await queryDatabase<{ orderId: string; template: string; status: string }>(
      db['notifications']!,
      `SELECT payload->>'orderId' AS "orderId", template, status FROM "Notification"`,
    );
    expect(notices.map(({ orderId }) => orderId).sort()).toEqual([...orderIds].sort());
    expect(notices.every(({ template, status }) => template === 'ORDER_CONFIRMED' && status === 'SENT')).toBe(true);
  });
});
