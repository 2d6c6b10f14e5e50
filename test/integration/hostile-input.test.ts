import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSystem, type TestSystem } from '#test/harness/system';
import { createAdmin, registerCustomer } from '#testing/accounts';
import { HOSTILE_CORPUS, type Target } from '#test/hostile/corpus';
import { problemsWith, sendCase, type CorpusContext } from '#test/hostile/send-case';
import { snapshotDatabases } from '#test/hostile/database-snapshot';

/** The largest answer any hostile request may get (1,000 unknown keys once made 11 MB). */
const MAX_ANSWER_BYTES = 32_000;
const CONCURRENCY = 4;

let system: TestSystem;
let context: CorpusContext;

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  // One trusted hop, as behind one load balancer: the rate limit keys on X-Forwarded-For's last entry.
  system = await startSystem({ env: { ROUTER_TRUSTED_PROXIES: '1' } });
  const admin = await createAdmin(system, 'hostile-admin@example.com');
  const customer = await registerCustomer(system, 'hostile-customer@example.com');
  const created = await system.graphql<{ createProduct: { id: string } }>({
    query:
      'mutation { createProduct(input: {sku: "H-1", name: "Target", price: {amount: 500, currency: "USD"}}) { id } }',
    headers: { authorization: `Bearer ${admin.token}` },
  });
  const productId = created.data?.createProduct.id;
  if (!productId) throw new Error(`createProduct failed: ${JSON.stringify(created.errors)}`);
  const page = await system.graphql<{ products: { edges: { cursor: string }[] } }>({
    query: '{ products(first: 1) { edges { cursor } } }',
  });
  context = {
    urls: { router: system.routerUrl, ...system.subgraphUrls } as Record<Target, string>,
    admin: { viewer: { userId: admin.id, role: 'ADMIN' }, token: admin.token },
    customer: { viewer: { userId: customer.id, role: 'CUSTOMER' }, token: customer.token },
    placeholders: { productId, userId: customer.id, cursor: page.data?.products.edges[0]?.cursor ?? '' },
  };
});
afterAll(async () => {
  await system?.stop();
});

describe('the hostile-input corpus', () => {
  it('gets a 4xx or a coded GraphQL error for every request, kills no process and writes nothing', async () => {
    const sends = HOSTILE_CORPUS.flatMap((testCase) => testCase.to.map((target) => ({ testCase, target })));
    expect(sends.length).toBeGreaterThanOrEqual(150);
    const before = await snapshotDatabases(system.databaseUrls);

    const failures: string[] = [];
    const queue = [...sends];
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          const { testCase, target } = next;
          try {
            const result = await sendCase(testCase, target, context);
            const problems = problemsWith(testCase, result, MAX_ANSWER_BYTES);
            if (problems.length) failures.push(`${testCase.name} -> ${target}: ${problems.join('; ')}`);
          } catch (error) {
            failures.push(`${testCase.name} -> ${target}: request failed: ${String(error)}`);
          }
        }
      }),
    );

    expect(failures).toEqual([]);
    const dead = Object.values(system.processes).filter(({ child }) => child.exitCode !== null || child.signalCode);
    expect(dead.map(({ name }) => name)).toEqual([]);
    expect(await snapshotDatabases(system.databaseUrls)).toEqual(before);
  }, 180_000);
});

describe('limits and bounds on the router', () => {
  it('still answers the standard introspection query (Sandbox, codegen)', async () => {
    const response = await system.graphql({ query: getIntrospectionQuery() });
    expect(response.errors).toBeUndefined();
  });

  it('replaces an x-request-id that is too long or odd, and keeps a sound one', async () => {
    const long = await post(system.routerUrl, { query: '{ __typename }' }, { 'x-request-id': 'r'.repeat(6_000) });
    expect(long.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const sound = await post(system.routerUrl, { query: '{ __typename }' }, { 'x-request-id': 'trace-42' });
    expect(sound.headers.get('x-request-id')).toBe('trace-42');
  });

  it('labels metrics with at most 50 operation names, the rest as other', async () => {
    await Promise.all(
      Array.from({ length: 60 }, (_, i) => post(system.routerUrl, { query: `query Hostile${i} { __typename }` })),
    );
    const metrics = await (await fetch(new URL('/metrics', system.routerUrl))).text();
    const names = new Set(
      [...metrics.matchAll(/^graphql_operations_total\{[^}]*operation="([^"]*)"/gm)].map((match) => match[1]),
    );
    // 50 names, `other`, and `anonymous` for unnamed operations.
    expect(names.size).toBeLessThanOrEqual(52);
    expect(names).toContain('other');
  });

  it('keys the anonymous rate limit on the client address a trusted proxy forwards', async () => {
    const remaining = async (client: string) =>
      Number(
        (await post(system.routerUrl, { query: '{ __typename }' }, { 'x-forwarded-for': client })).headers.get(
          'ratelimit-remaining',
        ),
      );
    const first = await remaining('203.0.113.7');
    expect(await remaining('203.0.113.7')).toBe(first - 1);
    // Another client behind the same balancer has a budget of its own.
    expect(await remaining('203.0.113.8')).toBe(first);
  });
});
