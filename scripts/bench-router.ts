/**
 * `npm run bench:router`: how much the router costs. Starts its own system (own databases, loopback
 * ports), then measures with autocannon, side by side, a simple and a nested cross-subgraph query
 * sent through the router and the same work sent straight to the subgraphs, and prints the ratio.
 * The nested query's direct baseline is its two subgraph calls (catalog, then accounts `_entities`)
 * measured one after the other: their rates combine as a pipeline and their latencies add up.
 */
import autocannon from 'autocannon';
import { createRouterIdentitySigner, ROUTER_IDENTITY_HEADER } from '#lib/auth/router-identity';
import { startBenchSystem, type BenchSystem } from './bench/bench-system.ts';

const DURATION_SECONDS = Number(process.env['BENCH_DURATION_SECONDS'] ?? 5);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 10);
const PAGE = 20;

const SIMPLE = `{ products(first: ${PAGE}) { edges { node { id sku name } } } }`;
const NESTED = `{ products(first: ${PAGE}) { edges { node { id name createdBy { id name } } } } }`;
const NESTED_CATALOG_PART = `{ products(first: ${PAGE}) { edges { node { id name createdBy { __typename id } } } } }`;
const ENTITIES =
  'query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on User { name } } }';

interface Measurement {
  rps: number;
  p50: number;
  p99: number;
}

async function measure(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Measurement> {
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    connections: CONNECTIONS,
    duration: DURATION_SECONDS,
  });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${url}: ${result.non2xx} non-2xx answers and ${result.errors} errors`);
  }
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

/** Signs an anonymous router identity, fresh per case since it lives 60 s. */
const identityHeaders = async (system: BenchSystem) => ({
  [ROUTER_IDENTITY_HEADER]: await createRouterIdentitySigner(system.routerSigningSecret)({
    requestId: 'bench',
    viewer: null,
  }),
});

async function userRepresentations(system: BenchSystem) {
  const response = await fetch(system.subgraphUrls['catalog']!, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await identityHeaders(system)) },
    body: JSON.stringify({ query: NESTED_CATALOG_PART }),
  });
  const { data } = (await response.json()) as {
    data: { products: { edges: { node: { createdBy: { __typename: string; id: string } } }[] } };
  };
  return data.products.edges.map(({ node }) => node.createdBy);
}

const format = (label: string, router: Measurement, direct: Measurement) =>
  [
    label.padEnd(8),
    `router ${router.rps.toFixed(0).padStart(6)} req/s  p50 ${router.p50.toFixed(1).padStart(6)} ms  p99 ${router.p99.toFixed(1).padStart(6)} ms`,
    `direct ${direct.rps.toFixed(0).padStart(6)} req/s  p50 ${direct.p50.toFixed(1).padStart(6)} ms  p99 ${direct.p99.toFixed(1).padStart(6)} ms`,
    `ratio router/direct: throughput ${(router.rps / direct.rps).toFixed(2)}x, p50 ${(router.p50 / direct.p50).toFixed(2)}x, p99 ${(router.p99 / direct.p99).toFixed(2)}x`,
  ].join('\n  ');

const system = await startBenchSystem(PAGE);
try {
  console.log(`bench:router — ${DURATION_SECONDS} s per case, ${CONNECTIONS} connections, loopback\n`);
  const simpleRouter = await measure(system.routerUrl, { query: SIMPLE });
  const simpleDirect = await measure(system.subgraphUrls['catalog']!, { query: SIMPLE }, await identityHeaders(system));
  console.log(format('simple', simpleRouter, simpleDirect));

  const nestedRouter = await measure(system.routerUrl, { query: NESTED });
  const catalogPart = await measure(
    system.subgraphUrls['catalog']!,
    { query: NESTED_CATALOG_PART },
    await identityHeaders(system),
  );
  const representations = await userRepresentations(system);
  const accountsPart = await measure(
    system.subgraphUrls['accounts']!,
    { query: ENTITIES, variables: { representations } },
    await identityHeaders(system),
  );
  const nestedDirect: Measurement = {
    rps: 1 / (1 / catalogPart.rps + 1 / accountsPart.rps),
    p50: catalogPart.p50 + accountsPart.p50,
    p99: catalogPart.p99 + accountsPart.p99,
  };
  console.log(format('nested', nestedRouter, nestedDirect));
} finally {
  await system.stop();
}
