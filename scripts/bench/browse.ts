/**
 * `npm run bench:browse`: anonymous browsing through the router while checkout runs beside it.
 * Starts a private system (workers included), loads a demo catalog of BENCH_PRODUCTS (1,000)
 * products in eight categories straight into the catalog and inventory databases, then, with
 * customers placing orders at a paced rate the whole time, measures with autocannon a mix of
 * first pages, searches, category pages and product pages with stock: once through the router
 * with the response cache on, once through a second router on the same subgraphs with it off,
 * and searches alone uncached. Prints requests/s, p50/p99, the orders/s achieved beside each, the
 * CPU milliseconds per request of the router, catalog and the load generator, and which of
 * issue 12's targets each case meets.
 * Settings: BENCH_DURATION_SECONDS (10), BENCH_CONNECTIONS (20), BENCH_PRODUCTS (1000),
 * BENCH_CUSTOMERS (20), BENCH_ORDERS_PER_SECOND (12: the checkout beside it is paced to this
 * rate, not saturating; 0 places orders back to back), BENCH_WARMUP_SECONDS (3).
 */
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
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
import { cpuSecondsOf } from './process-usage.ts';
import { loadDemoCatalog } from './load-demo-catalog.ts';

const settings = parseEnv(
  z.object({
    BENCH_DURATION_SECONDS: z.coerce.number().int().min(1).max(600).default(10),
    BENCH_CONNECTIONS: z.coerce.number().int().min(1).max(1_000).default(20),
    BENCH_PRODUCTS: z.coerce.number().int().min(10).max(100_000).default(1_000),
    BENCH_CUSTOMERS: z.coerce.number().int().min(1).max(200).default(20),
    BENCH_ORDERS_PER_SECOND: z.coerce.number().min(0).max(1_000).default(12),
    BENCH_WARMUP_SECONDS: z.coerce.number().int().min(1).max(60).default(3),
  }),
  process.env,
);

// Both routers share everything but the cache setting; rate limits would only measure themselves.
const ROUTER_ENV = { LOG_LEVEL: 'warn', NODE_ENV: 'production', RATE_LIMIT_POINTS: '100000000' };

/** Issue 12's targets. */
const TARGET = { cachedRps: 1_000, cachedP99: 50, searchP99: 100, ordersPerSecond: 10 };

interface Result {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  ordersPerSecond: number;
  /** CPU milliseconds per browse request of the router answering, catalog, and this process (autocannon and the checkout client). */
  cpuMsPerRequest: { router: number; catalog: number; loadGenerator: number };
  /** Share of the machine's cores busy during the case (every process, not only this system's). */
  machineBusy: number;
  /** The answering router's response-cache outcomes during the case (hit, miss, stored, error). */
  cacheOutcomes: string;
}

/** The router's response-cache outcome counters from its /metrics. */
async function cacheOutcomes(graphqlUrl: string): Promise<Record<string, number>> {
  const text = await (await fetch(graphqlUrl.replace(/\/graphql$/, '/metrics'))).text();
  const counts: Record<string, number> = {};
  for (const [, labels, value] of text.matchAll(/^router_response_cache_requests_total\{([^}]*)\} (\d+)/gm)) {
    const outcome = /outcome="([^"]+)"/.exec(labels!)?.[1];
    if (outcome) counts[outcome] = Number(value);
  }
  return counts;
}

/** Busy and total clock ticks of all cores so far, from /proc/stat. */
async function machineTicks() {
  const fields = (await readFile('/proc/stat', 'utf8')).split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((sum, value) => sum + value, 0);
  // idle and iowait
  return { busy: total - fields[3]! - fields[4]!, total };
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

/**
 * Customers checking out one unit at a time until told to stop; counts placed orders. Paced: the
 * n-th order starts no earlier than n / `ordersPerSecond` seconds after the start, taken by
 * whichever customer is free (0: back to back), so checkout is a stated load beside browsing
 * rather than whatever is left of the cores; the achieved rate is measured, not assumed.
 */
function startCheckoutLoad(
  customers: Awaited<ReturnType<typeof registerCustomer>>[],
  productId: string,
  ordersPerSecond: number,
) {
  let running = true;
  let placed = 0;
  let failed = 0;
  let slot = 0;
  const started = Date.now();
  const loops = customers.map(async (customer) => {
    while (running) {
      if (ordersPerSecond > 0) {
        const due = started + (slot++ * 1000) / ordersPerSecond;
        // Behind schedule (checkout slower than the pace) starts at once; no burst to catch up beyond that.
        if (due > Date.now()) await sleep(due - Date.now());
        if (!running) break;
      }
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

const round1 = (value: number) => Math.round(value * 10) / 10;
const round2 = (value: number) => Math.round(value * 100) / 100;

async function measure(
  url: string,
  requests: autocannon.Request[],
  load: ReturnType<typeof startCheckoutLoad>,
  pids: { router: number; catalog: number },
  duration = settings.BENCH_DURATION_SECONDS,
): Promise<Result> {
  const before = load.counts().placed;
  const cpuBefore = {
    router: (await cpuSecondsOf(pids.router)) ?? 0,
    catalog: (await cpuSecondsOf(pids.catalog)) ?? 0,
    self: process.cpuUsage(),
    machine: await machineTicks(),
    outcomes: await cacheOutcomes(url),
  };
  const started = Date.now();
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests,
    connections: settings.BENCH_CONNECTIONS,
    duration,
  });
  const seconds = (Date.now() - started) / 1000;
  const self = process.cpuUsage(cpuBefore.self);
  const machine = await machineTicks();
  const outcomes = await cacheOutcomes(url);
  const answered = Math.max(result.requests.total, 1);
  const perRequest = (cpuSeconds: number) => round2((cpuSeconds * 1000) / answered);
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx + result.errors,
    ordersPerSecond: round1((load.counts().placed - before) / seconds),
    cpuMsPerRequest: {
      router: perRequest(((await cpuSecondsOf(pids.router)) ?? 0) - cpuBefore.router),
      catalog: perRequest(((await cpuSecondsOf(pids.catalog)) ?? 0) - cpuBefore.catalog),
      loadGenerator: perRequest((self.user + self.system) / 1e6),
    },
    machineBusy: (machine.busy - cpuBefore.machine.busy) / Math.max(machine.total - cpuBefore.machine.total, 1),
    cacheOutcomes: Object.entries(outcomes)
      .map(([outcome, count]) => `${outcome} ${count - (cpuBefore.outcomes[outcome] ?? 0)}`)
      .join(', '),
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
    // NODE_FLAGS_ROUTER_UNCACHED, e.g. to profile it.
    nodeFlags: nodeFlagsFromEnv(process.env)['router-uncached'] ?? [],
    env: secondRouterEnv(),
    onLine: (line) => {
      if (/"level":(50|60)/.test(line)) process.stderr.write(`${line}\n`);
    },
  });
  const uncachedUrl = `http://127.0.0.1:${uncachedRouter.port}/graphql`;
  const mix = browseRequests(categoryIds, productIds);
  const searches = mix.filter((request) => SEARCHES.some((term) => String(request.body).includes(term)));

  const cachedPids = {
    router: system.processes['router']!.child.pid!,
    catalog: system.processes['catalog']!.child.pid!,
  };
  const uncachedPids = { ...cachedPids, router: uncachedRouter.child.pid! };
  const load = startCheckoutLoad(customers, checkoutProduct, settings.BENCH_ORDERS_PER_SECOND);
  try {
    // A short pass on each router first to warm the plans, connections and (for the first) the cache.
    const warmup = settings.BENCH_WARMUP_SECONDS;
    await measure(system.routerUrl, mix, load, cachedPids, warmup);
    const cached = await measure(system.routerUrl, mix, load, cachedPids);
    await measure(uncachedUrl, mix, load, uncachedPids, warmup);
    const uncached = await measure(uncachedUrl, mix, load, uncachedPids);
    const searchUncached = await measure(uncachedUrl, searches, load, uncachedPids);
    const { placed, failed } = load.counts();
    const row = (name: string, r: Result) =>
      `${name.padEnd(26)} ${String(r.rps).padStart(6)} req/s  p50 ${String(r.p50).padStart(4)} ms  p99 ${String(r.p99).padStart(5)} ms  non-2xx ${r.non2xx}  orders/s beside it ${r.ordersPerSecond}  CPU ms/request: router ${r.cpuMsPerRequest.router}, catalog ${r.cpuMsPerRequest.catalog}, load generator ${r.cpuMsPerRequest.loadGenerator}  machine ${Math.round(r.machineBusy * 100)}% busy${r.cacheOutcomes ? `  cache: ${r.cacheOutcomes}` : ''}`;
    const verdict = (met: boolean) => (met ? 'met' : 'MISSED');
    const checkoutBeside = (r: Result) => r.ordersPerSecond >= TARGET.ordersPerSecond;
    const pace =
      settings.BENCH_ORDERS_PER_SECOND > 0 ? `paced at ${settings.BENCH_ORDERS_PER_SECOND} orders/s` : 'back to back';
    console.log(
      [
        `bench:browse — ${settings.BENCH_PRODUCTS} products, ${mix.length} distinct requests, ${settings.BENCH_CONNECTIONS} connections, ${settings.BENCH_DURATION_SECONDS} s per case, ${customers.length} customers checking out ${pace}`,
        row('browse mix, cache on', cached),
        row('browse mix, cache off', uncached),
        row('searches only, cache off', searchUncached),
        `orders placed during the run: ${placed} (${failed} failed)`,
        `target: cached browse >= ${TARGET.cachedRps} req/s with p99 <= ${TARGET.cachedP99} ms and >= ${TARGET.ordersPerSecond} orders/s beside it: ${verdict(cached.rps >= TARGET.cachedRps && cached.p99 <= TARGET.cachedP99 && checkoutBeside(cached))}`,
        `target: uncached search p99 <= ${TARGET.searchP99} ms with >= ${TARGET.ordersPerSecond} orders/s beside it: ${verdict(searchUncached.p99 <= TARGET.searchP99 && checkoutBeside(searchUncached))}`,
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
