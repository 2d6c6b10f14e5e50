/**
 * `npm run bench:storefront`: how long the storefront's product list takes to show its first page
 * in Chromium, measured by the page's own mark `storefront:first-products` (ms from navigation
 * start). Builds the services and the storefront, starts a private system with production
 * settings (the router in safelist mode on the storefront's manifest, the response cache on),
 * loads a demo catalog, serves the storefront, then loads the list BENCH_LOADS times as a first
 * visit (a fresh browser context: empty HTTP cache, no cached preflight) and as many times as a
 * repeat visit (the same context's second load), after one load that is not counted (the browser's
 * first page pays for starting its renderer). Prints the median and p95 of each, and the requests
 * of the median first visit, so where the time goes can be read off.
 * Settings: BENCH_LOADS (15), BENCH_PRODUCTS (200), BENCH_RESPONSE_CACHE (on), BENCH_TRACE (a
 * file to write a Chromium trace of one more first visit to, for DevTools' Performance panel).
 * Run it alone (`npm run bench:storefront`, with nothing else running): it measures latency.
 */
import { randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { z } from 'zod';
import { parseEnv } from '#lib/config';
import { createPrismaClient } from '#lib/prisma';
import { PrismaClient as AccountsClient } from '#subgraphs/accounts/generated/prisma/client';
import { createUser } from '#subgraphs/accounts/users';
import { freePort } from '#system/free-port';
import { startPrivateSystem } from '#system/private-system';
import { startStorefrontProcess, STOREFRONT_MANIFEST } from '#system/storefront-process';
import { createTemplateDatabases } from '#system/template-databases';
import { launchChromium } from '#testing/chromium';
import { loadDemoCatalog } from './load-demo-catalog.ts';
import { coldLoad, warmLoad, type PageLoad } from './storefront/page-load.ts';

const settings = parseEnv(
  z.object({
    BENCH_LOADS: z.coerce.number().int().min(1).max(500).default(15),
    BENCH_PRODUCTS: z.coerce.number().int().min(24).max(100_000).default(200),
    BENCH_RESPONSE_CACHE: z.enum(['on', 'off']).default('on'),
    BENCH_TRACE: z.string().min(1).optional(),
  }),
  process.env,
);

/** The mark ProductListPage sets (web/src/pages/ProductListPage.tsx). */
const MARK = 'storefront:first-products';

const printError = (line: string) => {
  if (/"level":(50|60)/.test(line)) process.stderr.write(`${line}\n`);
};

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

const summary = (name: string, loads: PageLoad[]) => {
  const marks = loads.map(({ firstProductsMs }) => firstProductsMs);
  const ms = (value: number) => `${Math.round(value)} ms`;
  return `${name.padEnd(14)} median ${ms(percentile(marks, 50))}, p95 ${ms(percentile(marks, 95))} (min ${ms(Math.min(...marks))}, max ${ms(Math.max(...marks))}, ${loads.length} loads)`;
};

const breakdown = (load: PageLoad) =>
  [
    ...load.requests.map(
      ({ label, startMs, endMs }) =>
        `  ${String(Math.round(startMs)).padStart(5)} - ${String(Math.round(endMs)).padStart(5)} ms  ${label}`,
    ),
    `  HTML received ${Math.round(load.htmlMs)} ms, scripts run (DOMContentLoaded) ${Math.round(load.domContentLoadedMs)} ms, first products ${Math.round(load.firstProductsMs)} ms`,
  ].join('\n');

const median = (loads: PageLoad[]) =>
  [...loads].sort((a, b) => a.firstProductsMs - b.firstProductsMs)[Math.floor((loads.length - 1) / 2)]!;

const { templates, drop } = await createTemplateDatabases(`bench${randomUUID().slice(0, 4)}`);
const storefrontPort = await freePort();
const system = await startPrivateSystem({
  label: 'bench',
  templates,
  env: {
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    RESPONSE_CACHE: settings.BENCH_RESPONSE_CACHE,
    NOTIFICATIONS_CHANNEL: 'capture',
    CORS_ORIGINS: `http://127.0.0.1:${storefrontPort}`,
    PERSISTED_QUERIES_ONLY: 'true',
    PERSISTED_QUERIES_MANIFEST: STOREFRONT_MANIFEST,
  },
  onLine: printError,
});
try {
  const accounts = createPrismaClient(AccountsClient, { url: system.databaseUrls['accounts']!, poolSize: 1 });
  const admin = await createUser(
    accounts,
    { email: 'bench-admin@example.com', password: 'admin-password-123', name: 'Admin' },
    'ADMIN',
  ).finally(() => accounts.$disconnect());
  await loadDemoCatalog(system.databaseUrls, admin.id, settings.BENCH_PRODUCTS);
  const storefront = await startStorefrontProcess({
    routerUrl: system.routerUrl,
    port: storefrontPort,
    onLine: printError,
  });
  const browser = await launchChromium();
  try {
    await coldLoad(browser, storefront.url, MARK);
    // The figures mean little on a busy machine; the load average says how busy it was.
    const loadBefore = loadavg()[0]!;
    const cold: PageLoad[] = [];
    const warm: PageLoad[] = [];
    for (let i = 0; i < settings.BENCH_LOADS; i += 1) {
      cold.push(await coldLoad(browser, storefront.url, MARK));
      warm.push(await warmLoad(browser, storefront.url, MARK));
    }
    if (settings.BENCH_TRACE) await coldLoad(browser, storefront.url, MARK, { tracePath: settings.BENCH_TRACE });
    console.log(
      [
        `bench:storefront — first products on screen, ${settings.BENCH_PRODUCTS} products, response cache ${settings.BENCH_RESPONSE_CACHE}, ${cpus().length} cores, load average ${loadBefore.toFixed(1)} before the loads and ${loadavg()[0]!.toFixed(1)} after`,
        summary('first visit', cold),
        summary('repeat visit', warm),
        'the median first visit:',
        breakdown(median(cold)),
        'the median repeat visit:',
        breakdown(median(warm)),
      ].join('\n'),
    );
  } finally {
    await browser.close();
    await storefront.stop();
  }
} finally {
  await system.stop();
  await drop();
}
