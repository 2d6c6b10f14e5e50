/**
 * `npm run bench:browse`: anonymous browsing through the router while checkout runs beside it.
 * Starts a private system (workers included), loads a demo catalog of BENCH_PRODUCTS (1,000)
 * products in eight categories straight into the catalog and inventory databases, then, with
 * customers placing orders the whole time, measures with autocannon a mix of first pages,
 * searches, category pages and product pages with stock: once through the router with the
 * response cache on, once through a second router on the same subgraphs with it off, and
 * searches alone uncached. Prints requests/s, p50/p99 and the orders/s achieved beside each.
 * Settings: BENCH_DURATION_SECONDS (10), BENCH_CONNECTIONS (20), BENCH_PRODUCTS (1000),
 * BENCH_CUSTOMERS (20).
 */
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { z } from 'zod';
import { parseEnv } from '#lib/config';
import { createAdmin, registerCustomer } from '#testing/accounts';
import { checkout, createStockedProduct } from '#testing/checkout';
import { PRIVATE_SYSTEM_ENV, startPrivateSystem } from '#system/private-system';
import { spawnService, stopService } from '#system/spawn-service';
import { createTemplateDatabases } from '#system/template-databases';
import { SUBGRAPHS } from '#system/topology';
import { nodeFlagsFromEnv } from '#system/node-flags';
import { browseRequests, SEARCHES } from './browse-requests.ts';
import { loadDemoCatalog } from './load-demo-catalog.ts';

const settings = parseEnv(
  z.object({
    BENCH_DURATION_SECONDS: z.coerce.number().int().min(1).max(600).default(10),
    BENCH_CONNECTIONS: z.coerce.number().int().min(1).max(1_000).default(20),
    BENCH_PRODUCTS: z.coerce.number().int().min(10).max(100_000).default(1_000),
    BENCH_CUSTOMERS: z.coerce.number().int().min(1).max(200).default(20),
  }),
  process.env,
);

// Both routers share everything but the cache setting; rate limits would only measure themselves.
const ROUTER_ENV = { LOG_LEVEL: 'warn', NODE_ENV: 'production', RATE_LIMIT_POINTS: '100000000' };

interface Result {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  ordersPerSecond: number;
}

const { templates, drop } = await createTemplateDatabases(`bench${randomUUID().slice(0, 4)}`);
const system = await startPrivateSystem({
  label: 'bench',
  background: true,
  templates,
  nodeFlags: nodeFlagsFromEnv(process.env),
  // Production mode wants SMTP for notifications; the benchmark captures them instead.
  env: { ...ROUTER_ENV, RESPONSE_CACHE: 'on', ORDERS_DB_POOL_SIZE: '20', NOTIFICATIONS_CHANNEL: 'capture' },
});

/** Customers checking out one unit at a time until told to stop; counts placed orders. */
function startCheckoutLoad(customers: Awaited<ReturnType<typeof registerCustomer>>[], productId: string) {
  let running = true;
  let placed = 0;
  let failed = 0;
  const loops = customers.map(async (customer) => {
    while (running) {
      try {
        await checkout(system, customer, productId);
        placed += 1;
      } catch {
        failed += 1;
      }
    }
  });
  return {
    counts: () => ({ placed, failed }),
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}

async function measure(
  url: string,
  requests: autocannon.Request[],
  load: ReturnType<typeof startCheckoutLoad>,
): Promise<Result> {
  const before = load.counts().placed;
  const started = Date.now();
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests,
    connections: settings.BENCH_CONNECTIONS,
    duration: settings.BENCH_DURATION_SECONDS,
  });
  const seconds = (Date.now() - started) / 1000;
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx + result.errors,
    ordersPerSecond: Math.round(((load.counts().placed - before) / seconds) * 10) / 10,
  };
}

/** The first router's settings (the private system's secrets) with the cache off, on the same subgraphs. */
const secondRouterEnv = () => ({
  PATH: process.env['PATH'],
  ...PRIVATE_SYSTEM_ENV,
  ...ROUTER_ENV,
  RATE_LIMIT_KEY_PREFIX: `bench-rate-${randomUUID()}`,
  ROUTER_PORT: '0',
  RESPONSE_CACHE: 'off',
  ...Object.fromEntries(SUBGRAPHS.map(({ name, envPrefix }) => [`${envPrefix}_URL`, system.subgraphUrls[name]])),
});

let uncachedRouter: Awaited<ReturnType<typeof spawnService>> | undefined;
try {
  const admin = await createAdmin(system);
  const { categoryIds, productIds } = await loadDemoCatalog(system.databaseUrls, admin.id, settings.BENCH_PRODUCTS);
  const checkoutProduct = await createStockedProduct(system, admin, 1_000, 1_000_000);
  const customers = await Promise.all(
    Array.from({ length: settings.BENCH_CUSTOMERS }, (_, index) =>
      registerCustomer(system, `browse-${index}@example.com`),
    ),
  );
  uncachedRouter = await spawnService({
    name: 'router-uncached',
    entry: 'router/main.ts',
    env: secondRouterEnv(),
    onLine: (line) => {
      if (/"level":(50|60)/.test(line)) process.stderr.write(`${line}\n`);
    },
  });
  const uncachedUrl = `http://127.0.0.1:${uncachedRouter.port}/graphql`;
  const mix = browseRequests(categoryIds, productIds);
  const searches = mix.filter((request) => SEARCHES.some((term) => String(request.body).includes(term)));

  const load = startCheckoutLoad(customers, checkoutProduct);
  try {
    // One pass each to warm the plans, connections and (for the first router) the cache.
    await measure(system.routerUrl, mix, load);
    const cached = await measure(system.routerUrl, mix, load);
    const uncached = await measure(uncachedUrl, mix, load);
    const searchUncached = await measure(uncachedUrl, searches, load);
    const { placed, failed } = load.counts();
    const row = (name: string, r: Result) =>
      `${name.padEnd(26)} ${String(r.rps).padStart(6)} req/s  p50 ${String(r.p50).padStart(4)} ms  p99 ${String(r.p99).padStart(5)} ms  non-2xx ${r.non2xx}  orders/s beside it ${r.ordersPerSecond}`;
    console.log(
      [
        `bench:browse — ${settings.BENCH_PRODUCTS} products, ${mix.length} distinct requests, ${settings.BENCH_CONNECTIONS} connections, ${settings.BENCH_DURATION_SECONDS} s per case, ${customers.length} customers checking out`,
        row('browse mix, cache on', cached),
        row('browse mix, cache off', uncached),
        row('searches only, cache off', searchUncached),
        `orders placed during the run: ${placed} (${failed} failed)`,
      ].join('\n'),
    );
  } finally {
    await load.stop();
  }
} finally {
  if (uncachedRouter) await stopService(uncachedRouter);
  await system.stop();
  await drop();
}
