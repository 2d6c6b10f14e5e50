/**
 * `npm run bench:checkout`: starts a private system (fresh databases, its own queue prefix, the
 * workers and the fake gateway), has BENCH_CUSTOMERS customers check out one product each, back to
 * back, for BENCH_SECONDS (one hot product takes BENCH_HOT_SHARE of the orders, the rest spread
 * over BENCH_PRODUCTS others), waits for every order to settle, and prints orders per second
 * placed and confirmed, the latency from placeOrder's answer to CONFIRMED, what each order cost
 * every process (CPU from /proc, SQL statements, HTTP requests and jobs from each /metrics, Redis
 * commands from INFO), and the chaos run's reconciliation. A table first, then the figures as JSON.
 * The usual <DOMAIN>_WORKER_CONCURRENCY variables are passed on to the workers, and
 * NODE_FLAGS_<PROCESS> (e.g. NODE_FLAGS_ORDERS='--cpu-prof --cpu-prof-dir=/tmp/prof') to one process;
 * BENCH_REPLICAS (1) runs that many processes of the router and of every worker.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { z } from 'zod';
import { parseEnv } from '#lib/config';
import { nodeFlagsFromEnv } from '#system/node-flags';
import { startPrivateSystem } from '#system/private-system';
import { createTemplateDatabases, TEST_SERVER_URL } from '#system/template-databases';
import { createAdmin } from '#testing/accounts';
import { queryDatabase } from '#testing/databases';
import { WORKERS } from '#system/topology';
import { readChaosState } from '../chaos/read-state.ts';
import { reconcile } from '../chaos/reconcile.ts';
import { formatCheckoutReport, perOrderUsage, type CheckoutFigures } from './checkout-report.ts';
import { createCustomers, createProducts, shop } from './shoppers.ts';
import { snapshotUsage, usageBetween } from './system-usage.ts';

const settings = parseEnv(
  z.object({
    BENCH_CUSTOMERS: z.coerce.number().int().min(1).max(2_000).default(100),
    BENCH_SECONDS: z.coerce.number().min(1).max(600).default(20),
    BENCH_WARMUP_SECONDS: z.coerce.number().min(0).max(120).default(5),
    BENCH_PRODUCTS: z.coerce.number().int().min(2).max(1_000).default(40),
    BENCH_HOT_SHARE: z.coerce.number().min(0).max(1).default(0.3),
    BENCH_SETTLE_TIMEOUT_MS: z.coerce.number().int().min(1_000).default(120_000),
    BENCH_REPLICAS: z.coerce.number().int().min(1).max(8).default(1),
  }),
  process.env,
);
const workerConcurrency = Object.fromEntries(
  WORKERS.map(({ envPrefix }) => [`${envPrefix}_CONCURRENCY`, process.env[`${envPrefix}_CONCURRENCY`] ?? 'default']),
);
const ON_HAND = 1_000_000;
/** Settings of the system that a run may change from the environment. */
const BENCH_SETTINGS = /_CONCURRENCY$|_POOL_SIZE$|^OUTBOX_|^QUEUE_|^PAYMENT_FAKE_|^CATALOG_/;

const percentile = (sorted: readonly number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : 0;
const log = (line: string) => process.stderr.write(`${line}\n`);

const { templates, drop } = await createTemplateDatabases(`bench${randomUUID().slice(0, 4)}`);
const system = await startPrivateSystem({
  label: 'bench',
  background: true,
  replicas: settings.BENCH_REPLICAS,
  templates,
  nodeFlags: nodeFlagsFromEnv(process.env),
  env: {
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    NOTIFICATIONS_CHANNEL: 'capture',
    ...Object.fromEntries(
      Object.keys(process.env)
        .filter((name) => BENCH_SETTINGS.test(name))
        .map((name) => [name, process.env[name]!]),
    ),
  },
});
const redis = new Redis('redis://127.0.0.1:6379');
try {
  log('Creating products and customers...');
  const admin = await createAdmin(system);
  const [hotProductId, ...otherProductIds] = await createProducts(system, admin, settings.BENCH_PRODUCTS, ON_HAND);
  const customers = await createCustomers(system, settings.BENCH_CUSTOMERS);
  const shopping = { customers, hotProductId: hotProductId!, otherProductIds, hotShare: settings.BENCH_HOT_SHARE };
  const databases = Object.values(system.databaseUrls).map((url) => new URL(url).pathname.slice(1));

  const settle = async (orderIds: readonly string[]) => {
    const deadline = Date.now() + settings.BENCH_SETTLE_TIMEOUT_MS;
    const initialOnHand = Object.fromEntries([hotProductId!, ...otherProductIds].map((id) => [id, ON_HAND]));
    for (;;) {
      const state = await readChaosState(system, orderIds, initialOnHand);
      const checks = reconcile(state);
      if (checks.every(({ mismatches }) => !mismatches.length) || Date.now() > deadline) return { state, checks };
      await sleep(250);
    }
  };

  if (settings.BENCH_WARMUP_SECONDS > 0) {
    log(`Warming up for ${settings.BENCH_WARMUP_SECONDS} s...`);
    await shop(system, { ...shopping, until: Date.now() + settings.BENCH_WARMUP_SECONDS * 1000 });
  }
  const warmupOrders = (
    await queryDatabase<{ id: string }>(system.databaseUrls['orders']!, 'SELECT id FROM "Order"')
  ).map((row) => row.id);
  await settle(warmupOrders);

  log(`Checking out with ${settings.BENCH_CUSTOMERS} customers for ${settings.BENCH_SECONDS} s...`);
  const before = await snapshotUsage(system, redis, TEST_SERVER_URL, databases);
  const started = Date.now();
  const result = await shop(system, { ...shopping, until: started + settings.BENCH_SECONDS * 1000 });
  const placedSeconds = (Date.now() - started) / 1000;
  log(`Placed ${result.placedAt.size} orders; waiting for them to settle...`);
  const { checks } = await settle([...warmupOrders, ...result.placedAt.keys()]);
  const after = await snapshotUsage(system, redis, TEST_SERVER_URL, databases);

  const rows = await queryDatabase<{ id: string; status: string; confirmedAt: Date | null }>(
    system.databaseUrls['orders']!,
    'SELECT id, status, "confirmedAt" FROM "Order" WHERE id = ANY($1::uuid[])',
    [[...result.placedAt.keys()]],
  );
  const confirmed = rows.filter((row) => row.confirmedAt);
  const latencies = confirmed
    .map((row) => row.confirmedAt!.getTime() - result.placedAt.get(row.id)!)
    .sort((a, b) => a - b);
  const lastConfirmed = Math.max(started, ...confirmed.map((row) => row.confirmedAt!.getTime()));
  const finished = rows.filter((row) => row.status === 'CONFIRMED' || row.status === 'FAILED').length;
  const figures: CheckoutFigures = {
    customers: settings.BENCH_CUSTOMERS,
    seconds: settings.BENCH_SECONDS,
    products: settings.BENCH_PRODUCTS,
    hotShare: settings.BENCH_HOT_SHARE,
    workerConcurrency,
    placed: result.placedAt.size,
    confirmed: confirmed.length,
    failed: rows.filter((row) => row.status === 'FAILED').length,
    pending: rows.filter((row) => row.status === 'PENDING').length,
    errors: result.errors,
    requests: result.requests,
    placedPerSecond: Math.round((result.placedAt.size / placedSeconds) * 10) / 10,
    confirmedPerSecond: Math.round((confirmed.length / ((lastConfirmed - started) / 1000)) * 10) / 10,
    placeToConfirmedMs: {
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      max: latencies.at(-1) ?? 0,
    },
    perOrder: perOrderUsage(usageBetween(before, after), finished),
    reconciliation: checks.map(({ name, checked, mismatches }) => ({ name, checked, mismatches: mismatches.length })),
  };
  console.log(formatCheckoutReport(figures, checks));
  console.log('');
  console.log(JSON.stringify(figures, null, 2));
  if (checks.some(({ mismatches }) => mismatches.length) || Object.keys(result.errors).length) process.exitCode = 1;
} catch (error) {
  log(
    system.logs
      .filter((line) => /"level":(40|50|60)/.test(line))
      .slice(-15)
      .join('\n'),
  );
  throw error;
} finally {
  redis.disconnect();
  await system.stop();
  await drop();
}
