/**
 * `npm run bench:checkout`: starts a private system (fresh databases, its own queue prefix, the
 * workers and the fake gateway), places N orders through the router from C customers at once, and
 * prints orders per second and the latency from placeOrder's answer to CONFIRMED (p50/p95/p99).
 * Settings: BENCH_ORDERS (default 200), BENCH_CUSTOMERS (default 20), BENCH_TIMEOUT_MS (default
 * 120000), and the usual <DOMAIN>_WORKER_CONCURRENCY variables, passed on to the workers.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { parseEnv } from '#lib/config';
import { WORKERS } from '#system/topology';
import { createAdmin, registerCustomer } from '#system/testing/accounts';
import { checkout, createStockedProduct } from '#system/testing/checkout';
import { queryDatabase } from '#system/testing/databases';
import { nodeFlagsFromEnv } from '#system/node-flags';
import { startPrivateSystem } from '#system/private-system';
import { createTemplateDatabases } from '#system/template-databases';

const settings = parseEnv(
  z.object({
    BENCH_ORDERS: z.coerce.number().int().min(1).max(100_000).default(200),
    BENCH_CUSTOMERS: z.coerce.number().int().min(1).max(1_000).default(20),
    BENCH_TIMEOUT_MS: z.coerce.number().int().min(1_000).default(120_000),
  }),
  process.env,
);
const concurrencyEnv = Object.fromEntries(
  WORKERS.map(({ envPrefix }) => [`${envPrefix}_CONCURRENCY`, process.env[`${envPrefix}_CONCURRENCY`] ?? '10']),
);

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

const { templates, drop } = await createTemplateDatabases(`bench${randomUUID().slice(0, 4)}`);
const system = await startPrivateSystem({
  label: 'bench',
  background: true,
  templates,
  nodeFlags: nodeFlagsFromEnv(process.env),
  env: { LOG_LEVEL: 'warn', ORDERS_DB_POOL_SIZE: '20', ...concurrencyEnv },
});
try {
  const admin = await createAdmin(system);
  // Enough stock for every order: the benchmark measures the happy path.
  const productId = await createStockedProduct(system, admin, 1_000, settings.BENCH_ORDERS);
  const customers = await Promise.all(
    Array.from({ length: settings.BENCH_CUSTOMERS }, (_, index) =>
      registerCustomer(system, `bench-${index}@example.com`),
    ),
  );
  const placedAt = new Map<string, number>();
  const started = Date.now();
  await Promise.all(
    customers.map(async (customer, index) => {
      for (let n = index; n < settings.BENCH_ORDERS; n += customers.length) {
        const { id } = await checkout(system, customer, productId);
        placedAt.set(id, Date.now());
      }
    }),
  );
  const placedMs = Date.now() - started;

  // Confirmation times come from the orders database (confirmedAt), so polling adds no load on the router.
  const deadline = Date.now() + settings.BENCH_TIMEOUT_MS;
  let rows: { id: string; status: string; confirmedAt: Date | null }[] = [];
  for (;;) {
    rows = await queryDatabase(system.databaseUrls['orders']!, 'SELECT id, status, "confirmedAt" FROM "Order"');
    if (rows.every((row) => row.status !== 'PENDING') || Date.now() > deadline) break;
    await sleep(200);
  }
  const confirmed = rows.filter((row) => row.confirmedAt);
  const latencies = confirmed.map((row) => row.confirmedAt!.getTime() - placedAt.get(row.id)!).sort((a, b) => a - b);
  const lastConfirmed = Math.max(...confirmed.map((row) => row.confirmedAt!.getTime()));
  const totalSeconds = (lastConfirmed - started) / 1000;
  console.log(
    JSON.stringify(
      {
        orders: settings.BENCH_ORDERS,
        customers: settings.BENCH_CUSTOMERS,
        workerConcurrency: concurrencyEnv,
        confirmed: confirmed.length,
        notConfirmed: rows.length - confirmed.length,
        placeOrderPerSecond: Math.round((settings.BENCH_ORDERS / placedMs) * 1000 * 10) / 10,
        confirmedPerSecond: Math.round((confirmed.length / totalSeconds) * 10) / 10,
        placeToConfirmedMs: {
          p50: percentile(latencies, 50),
          p95: percentile(latencies, 95),
          p99: percentile(latencies, 99),
        },
      },
      null,
      2,
    ),
  );
} catch (error) {
  console.error(
    system.logs
      .filter((line) => /"level":(40|50|60)/.test(line))
      .slice(-15)
      .join('\n'),
  );
  throw error;
} finally {
  await system.stop();
  await drop();
}
