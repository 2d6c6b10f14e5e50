/**
 * `npm run bench:gateway`: the router against a plain Apollo Gateway, side by side, on the bench's
 * own four static subgraphs (see gateway/workload-schema.ts). Interleaved rounds of load against
 * each, the gateway under test pinned to core 0, load and subgraphs on core 1; prints requests/s,
 * p50/p99, the gateway process's CPU ms per request and the router's ratios, and fails on any error
 * or any answer that differs from the reference's.
 *
 * Settings: BENCH_ROUNDS (3), BENCH_ROUND_SECONDS (10), BENCH_CONNECTIONS (50),
 * BENCH_ROUTER_WORKERS, and NODE_FLAGS_ROUTER for the router's node (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof").
 * Processes run the build under dist/ (`npm run bench:gateway` builds first).
 * With `--shop`, measures instead the shop's own `products(first: 20)` through the router on a
 * private system with the real subgraphs (see gateway/shop-products.ts).
 */
import { nodeFlagsFromEnv } from '#system/node-flags';
import { WORKLOAD_QUERY } from './gateway/workload-schema.ts';
import { startGateways, type Gateway } from './gateway/start-gateways.ts';
import { runRound, type RoundResult } from './gateway/load-round.ts';
import { formatTable, summarise } from './gateway/summarise.ts';
import { measureShopProducts } from './gateway/shop-products.ts';

const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
const ROUND_SECONDS = Number(process.env['BENCH_ROUND_SECONDS'] ?? 10);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 50);
const ROUTER_NODE_FLAGS = nodeFlagsFromEnv(process.env)['router'] ?? [];
const ROUTER_ENV: Record<string, string> = process.env['BENCH_ROUTER_WORKERS']
  ? { ROUTER_WORKERS: process.env['BENCH_ROUTER_WORKERS'] }
  : {};

const body = JSON.stringify({ query: WORKLOAD_QUERY, operationName: 'TopProducts' });

async function answerOf(gateway: Gateway, authorization?: string): Promise<string> {
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body,
  });
  const text = await response.text();
  if (response.status !== 200 || text.includes('"errors"'))
    throw new Error(`${gateway.url} answered ${response.status}: ${text.slice(0, 500)}`);
  return text;
}

if (process.argv.includes('--shop')) {
  await measureShopProducts(ROUND_SECONDS);
  process.exit();
}

const gateways = await startGateways(ROUTER_ENV, ROUTER_NODE_FLAGS);
try {
  const expectedBody = await answerOf(gateways.reference);
  for (const authorization of [undefined, gateways.authorization]) {
    if ((await answerOf(gateways.router, authorization)) !== expectedBody) {
      throw new Error('the router answers differently from the reference');
    }
  }
  console.log(
    `node ${process.version}; answer ${(expectedBody.length / 1024).toFixed(1)} KB; ${ROUNDS} rounds of ${ROUND_SECONDS} s each, ${CONNECTIONS} connections`,
  );
  const load = { body, connections: CONNECTIONS, authorization: gateways.authorization };
  const targets = { reference: gateways.reference, router: gateways.router };
  const results: Record<keyof typeof targets, RoundResult[]> = { reference: [], router: [] };
  // Warm-up: JIT, plan caches and connection pools, not counted.
  for (const gateway of Object.values(targets)) {
    await runRound({ ...gateway, expectedBody }, { ...load, seconds: Math.min(ROUND_SECONDS, 5) });
  }
  for (let round = 1; round <= ROUNDS; round += 1) {
    const order = round % 2 ? (['reference', 'router'] as const) : (['router', 'reference'] as const);
    for (const name of order) {
      const result = await runRound({ ...targets[name], expectedBody }, { ...load, seconds: ROUND_SECONDS });
      results[name].push(result);
      console.log(
        `round ${round} ${name.padEnd(9)} ${(result.requests / result.seconds).toFixed(1)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, ${(result.cpuMs / Math.max(result.requests, 1)).toFixed(2)} CPU ms/req, ${result.errors} errors, ${result.mismatches} differing`,
      );
    }
  }
  const reference = summarise(results.reference);
  const router = summarise(results.router);
  console.log(`\n${formatTable(reference, router)}`);
  if (reference.errors + router.errors + reference.mismatches + router.mismatches > 0) {
    process.exitCode = 1;
    console.error('FAILED: errors or answers differing from the reference');
  }
} finally {
  await gateways.stop();
}
