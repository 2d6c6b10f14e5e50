import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postGraphQL } from '#system/graphql-client';
import { startSystem, type TestSystem } from '#test/harness/system';
import { metricsUrlOf, sampleValue, scrapeMetrics, type Scrape } from '#test/harness/prometheus';
import { startOtlpReceiver, tracingEnv, type OtlpReceiver, type ReceivedSpan } from '#test/harness/otlp-receiver';

const PRODUCTS = /* GraphQL */ `
  query TracedProducts {
    products(first: 5) {
      edges {
        node {
          id
        }
      }
    }
  }
`;

let receiver: OtlpReceiver;
let system: TestSystem;

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  system = await startSystem({ env: tracingEnv(receiver) });
});

afterAll(async () => {
  await system?.stop();
  await receiver?.close();
});

async function waitFor<T>(find: () => T | undefined, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A SQL statement as pg's instrumentation reports it (OpenTelemetry database conventions). */
const isSqlStatement = (span: ReceivedSpan) =>
  span.attributes['db.system.name'] === 'postgresql' && typeof span.attributes['db.query.text'] === 'string';

describe('tracing', () => {
  it('follows one operation from the router into a subgraph and its SQL in one trace', async () => {
    const response = await system.graphql({ query: PRODUCTS });
    expect(response.errors).toBeUndefined();

    const routerServer = await waitFor(
      () => receiver.spans.find((span) => span.service === 'router' && span.attributes['http.route'] !== undefined),
      'the router span',
    );
    const traceId = routerServer.traceId;
    const inTrace = () => receiver.spans.filter((span) => span.traceId === traceId);
    const sql = await waitFor(
      () => inTrace().find((span) => span.service === 'catalog' && isSqlStatement(span)),
      `a catalog SQL span in trace ${traceId}`,
    );
    expect(sql.attributes['db.query.text']).toMatch(/^\s*SELECT [\s\S]* FROM ("public"\.)?"Product"/);
    expect(new Set(inTrace().map((span) => span.service))).toEqual(new Set(['router', 'catalog']));
    // Prisma's own spans sit between the resolver and the SQL.
    expect(inTrace().some((span) => span.service === 'catalog' && span.name === 'prisma:client:operation')).toBe(true);
    // The catalog's server span continues the router's outgoing call (traceparent), not a trace of its own.
    const catalogServer = await waitFor(
      () => inTrace().find((span) => span.service === 'catalog' && span.name === 'POST /graphql'),
      'the catalog server span',
    );
    const routerCall = await waitFor(
      () => inTrace().find((span) => span.spanId === catalogServer.parentSpanId),
      'the router span calling the catalog',
    );
    expect(routerCall).toMatchObject({ service: 'router', name: 'POST' });
    expect(routerCall?.attributes['url.full']).toBe(system.subgraphUrls['catalog']);
  });
});

describe('logs', () => {
  it('carry the request id, operation, service and trace ids on a line written deep inside a request', async () => {
    // A call that skips the router is refused and logged by the subgraph: a line from inside a request.
    const response = await postGraphQL(system.subgraphUrls['catalog']!, {
      query: 'query DirectCall { products(first: 1) { edges { cursor } } }',
      headers: { 'x-request-id': 'observability-test-request' },
    });
    expect(response.status).toBe(401);
    const line = await waitFor(
      () =>
        system.logs
          .filter((candidate) => candidate.includes('observability-test-request'))
          .map((candidate) => JSON.parse(candidate) as Record<string, unknown>)[0],
      'the refusal log line',
    );
    expect(line).toMatchObject({ name: 'catalog', requestId: 'observability-test-request', operation: 'DirectCall' });
    expect(line['trace_id']).toMatch(/^[0-9a-f]{32}$/);
    expect(line['span_id']).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('metrics', () => {
  it('serves Prometheus text on every process whose counters move when traffic flows through the router', async () => {
    const routerMetrics = metricsUrlOf(system.routerUrl);
    const catalogMetrics = metricsUrlOf(system.subgraphUrls['catalog']!);
    const [routerBefore, catalogBefore] = await Promise.all([
      scrapeMetrics(routerMetrics),
      scrapeMetrics(catalogMetrics),
    ]);

    for (let i = 0; i < 3; i++) expect((await system.graphql({ query: PRODUCTS })).errors).toBeUndefined();
    const [routerAfter, catalogAfter] = await Promise.all([
      scrapeMetrics(routerMetrics),
      scrapeMetrics(catalogMetrics),
    ]);

    const moved = (before: Scrape, after: Scrape, name: string, labels: Record<string, string>) =>
      sampleValue(after, name, labels) - sampleValue(before, name, labels);
    const operation = { operation: 'TracedProducts' };
    expect(moved(routerBefore, routerAfter, 'graphql_operations_total', { ...operation, outcome: 'ok' })).toBe(3);
    expect(moved(routerBefore, routerAfter, 'graphql_operation_duration_seconds_count', operation)).toBe(3);
    const graphqlPost = { method: 'POST', route: '/graphql', status_code: '200' };
    expect(moved(routerBefore, routerAfter, 'http_server_request_duration_seconds_count', graphqlPost)).toBe(3);
    expect(
      moved(routerBefore, routerAfter, 'router_subgraph_fetch_duration_seconds_count', {
        subgraph: 'catalog',
        outcome: 'ok',
      }),
    ).toBe(3);
    expect(sampleValue(routerAfter, 'router_subgraph_circuit_state', { subgraph: 'catalog', state: 'closed' })).toBe(1);
    expect(moved(catalogBefore, catalogAfter, 'graphql_operations_total', { outcome: 'ok' })).toBe(3);
    expect(moved(catalogBefore, catalogAfter, 'db_statements_total', {})).toBeGreaterThanOrEqual(3);
    expect(sampleValue(catalogAfter, 'db_pool_connections', { state: 'total' })).toBeGreaterThan(0);
  });

  it('serves the same text format on every subgraph, each labelled with its own service', async () => {
    for (const [name, url] of Object.entries(system.subgraphUrls)) {
      const { families } = await scrapeMetrics(metricsUrlOf(url));
      const started = families.find((family) => family.name === 'process_start_time_seconds');
      expect(started?.metrics[0]?.labels).toEqual({ service: name });
      expect(families.find((family) => family.name === 'db_statement_duration_seconds')?.type).toBe('HISTOGRAM');
    }
  });
});
