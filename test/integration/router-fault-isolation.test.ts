import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routerOnSharedSystem, type TestSystem } from '#test/harness/system';
import { createAdmin } from '#testing/accounts';
import { writeSupergraph } from '#test/harness/supergraph';
import { startMisbehavingSubgraph, type MisbehavingSubgraph } from '#test/harness/misbehaving-subgraph';

const PRODUCTS = /* GraphQL */ `
  {
    products(first: 5) {
      edges {
        node {
          sku
          flaky
        }
      }
    }
  }
`;
const CREATE_PRODUCT = /* GraphQL */ `
  mutation ($input: CreateProductInput!) {
    createProduct(input: $input) {
      id
    }
  }
`;

let fake: MisbehavingSubgraph;
let system: TestSystem;
const logs: string[] = [];

const fakeRequests = async () => (await fake.stats()).requests;
const routerBase = () => system.routerUrl.replace(/\/graphql$/, '');
const readiness = async () =>
  (await (await fetch(`${routerBase()}/health/ready`)).json()) as { checks: { breakers: Record<string, string> } };

/** Puts the fake back to normal and waits until its breaker lets calls through again. */
async function recover() {
  await fake.setMode('ok');
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    const response = await system.graphql({ query: '{ flakyPing }' });
    if (!response.errors) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the flaky subgraph did not recover');
}

beforeAll(async () => {
  fake = await startMisbehavingSubgraph((line) => logs.push(line));
  const supergraphPath = writeSupergraph([fake.subgraph]);
  system = await routerOnSharedSystem({
    SUPERGRAPH_PATH: supergraphPath,
    SUBGRAPH_TIMEOUT_MS: '500',
    // Only the fake gets the short timeout; per-subgraph settings keep the real ones at the harness's.
    ACCOUNTS_TIMEOUT_MS: '30000',
    CATALOG_TIMEOUT_MS: '30000',
    SUBGRAPH_RETRIES: '2',
    SUBGRAPH_RETRY_DELAY_MS: '10',
    SUBGRAPH_BREAKER_FAILURES: '5',
    SUBGRAPH_BREAKER_RESET_MS: '1000',
    SUBGRAPH_MAX_RESPONSE_BYTES: '1000000',
  });
  const admin = await createAdmin(system);
  for (const sku of ['SKU-A', 'SKU-B']) {
    const created = await system.graphql({
      query: CREATE_PRODUCT,
      token: admin.token,
      variables: { input: { sku, name: sku, price: { amount: 100, currency: 'USD' } } },
    });
    expect(created.errors).toBeUndefined();
  }
});
afterAll(async () => {
  await system?.stop();
  await fake?.stop();
});

describe('fault isolation between subgraphs', () => {
  it('merges the fake subgraph into products while it behaves', async () => {
    const response = await system.graphql({ query: PRODUCTS });
    expect(response.errors).toBeUndefined();
    expect(response.data).toMatchObject({
      products: {
        edges: [{ node: { sku: 'SKU-A', flaky: expect.stringMatching(/^ok:/) } }, { node: { sku: 'SKU-B' } }],
      },
    });
  });

  it.each([
    ['a slow response', 'slow', 'timed out'],
    ['a connection reset', 'reset', 'connection'],
    ['invalid JSON', 'invalid-json', 'invalid JSON response'],
    ['a 500 with an HTML page', 'html-500', 'HTTP 500'],
    ['a body over the size cap', 'huge', 'response larger than 1000000 bytes'],
  ] as const)('serves the other subgraphs and names the failed one on %s', async (_case, mode, reason) => {
    await fake.setMode(mode, 5_000);
    const started = Date.now();
    const response = await system.graphql<{ products: { edges: { node: { sku: string; flaky: string | null } }[] } }>({
      query: PRODUCTS,
    });
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(response.status).toBe(200);
    expect(response.data?.products.edges.map(({ node }) => node)).toEqual([
      { sku: 'SKU-A', flaky: null },
      { sku: 'SKU-B', flaky: null },
    ]);
    expect(response.errors).toHaveLength(2);
    // An entity fetch fails as a whole: each error points at the entity whose fields it was to give.
    expect(response.errors?.[0]).toMatchObject({
      path: ['products', 'edges', 0, 'node'],
      extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'flaky', reason: expect.stringContaining(reason) },
    });
    expect(response.errors?.[1]?.path).toEqual(['products', 'edges', 1, 'node']);
    expect(JSON.stringify(response.errors)).not.toMatch(/127\.0\.0\.1|<html>|stack/);
    expect((await fetch(`${routerBase()}/health/live`)).status).toBe(200);
    await recover();
  });

  it('retries a failed query with backoff but never a mutation', async () => {
    await fake.setMode('unavailable-503');
    const query = await system.graphql({ query: '{ flakyPing }' });
    expect(query.errors?.[0]).toMatchObject({ path: ['flakyPing'], extensions: { code: 'SUBGRAPH_UNAVAILABLE' } });
    expect(await fakeRequests()).toBe(3);

    await fake.setMode('unavailable-503');
    const mutation = await system.graphql({ query: 'mutation { flakyWrite }' });
    expect(mutation.data).toEqual({ flakyWrite: null });
    expect(mutation.errors?.[0]).toMatchObject({ path: ['flakyWrite'], extensions: { subgraph: 'flaky' } });
    expect(await fakeRequests()).toBe(1);
    await recover();
  });

  it('opens the breaker after repeated failures, stops calling the subgraph, then closes it again', async () => {
    await fake.setMode('html-500');
    for (let i = 0; i < 5; i += 1) await system.graphql({ query: '{ flakyPing }' });
    expect((await readiness()).checks.breakers['flaky']).toBe('open');

    await fake.setMode('ok');
    const whileOpen = await system.graphql({ query: '{ flakyPing }' });
    expect(whileOpen.errors?.[0]?.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', reason: 'circuit open' });
    expect(await fakeRequests()).toBe(0);

    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const afterReset = await system.graphql({ query: '{ flakyPing }' });
    expect(afterReset.data).toEqual({ flakyPing: 'pong' });
    expect((await readiness()).checks.breakers['flaky']).toBe('closed');
  });

  it('reports the supergraph and every breaker on the readiness endpoint', async () => {
    const response = await fetch(`${routerBase()}/health/ready`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      ready: true,
      checks: { supergraph: 'loaded', breakers: { catalog: 'closed', flaky: 'closed' } },
    });
  });

  it('keeps serving when the subgraph process is gone', async () => {
    await fake.stop();
    const response = await system.graphql<{ products: { edges: { node: { flaky: string | null } }[] } }>({
      query: PRODUCTS,
    });
    expect(response.data?.products.edges).toHaveLength(2);
    expect(response.errors?.[0]?.extensions).toMatchObject({
      code: 'SUBGRAPH_UNAVAILABLE',
      subgraph: 'flaky',
      reason: 'connection failed',
    });
  });
});
