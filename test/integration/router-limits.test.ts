import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routerOnSharedSystem, startSystem, type TestSystem } from '#test/harness/system';
import { errorCodes } from '#system/graphql-client';

let system: TestSystem;

const LIMITS = {
  MAX_QUERY_DEPTH: '4',
  MAX_ALIASES: '3',
  MAX_TOKENS: '200',
  MAX_QUERY_COST: '300',
  MAX_BATCH_SIZE: '3',
  MAX_REQUEST_BODY: '10kb',
};

const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(system.routerUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

beforeAll(async () => {
  system = await routerOnSharedSystem(LIMITS);
});
afterAll(async () => {
  await system?.stop();
});

describe('limits checked before execution', () => {
  it('accepts an operation at the depth limit and refuses one deeper with QUERY_TOO_DEEP', async () => {
    const atLimit = await system.graphql({ query: '{ products { edges { node { sku } } } }' });
    expect(atLimit.errors).toBeUndefined();
    const deeper = await system.graphql({ query: '{ products { edges { node { createdBy { name } } } } }' });
    expect(deeper.status).toBe(400);
    expect(deeper.data).toBeUndefined();
    expect(deeper.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_DEEP', limit: 4, actual: 5 });
  });

  it('counts depth through fragments', async () => {
    const response = await system.graphql({
      query: 'query { products { ...P } } fragment P on ProductConnection { edges { node { price { amount } } } }',
    });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_DEEP', actual: 5 });
  });

  it('refuses more aliases than allowed with TOO_MANY_ALIASES', async () => {
    const ok = await system.graphql({ query: '{ a: me { id } b: me { id } c: me { id } }' });
    expect(ok.errors).toBeUndefined();
    const response = await system.graphql({ query: '{ a: me { id } b: me { id } c: me { id } d: me { id } }' });
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'TOO_MANY_ALIASES', limit: 3, actual: 4 });
  });

  it('refuses a token flood with TOO_MANY_TOKENS before parsing it', async () => {
    const response = await system.graphql({ query: `{ me { ${'id '.repeat(300)} } }` });
    expect(response.status).toBe(400);
    expect(errorCodes(response)).toEqual(['TOO_MANY_TOKENS']);
    expect(response.errors?.[0]?.message).toContain('limit of 200');
  });

  it('multiplies the cost of a page by its size, taking the size from variables, and refuses QUERY_TOO_COMPLEX', async () => {
    const query = 'query ($n: Int) { products(first: $n) { edges { node { sku name } } } }';
    const small = await system.graphql({ query, variables: { n: 10 } });
    expect(small.errors).toBeUndefined();
    const large = await system.graphql({ query, variables: { n: 100 } });
    expect(large.status).toBe(400);
    expect(large.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 300, actual: 401 });
  });

  it('answers a batch within the limit and refuses a larger one with BATCH_TOO_LARGE', async () => {
    const ok = await post([{ query: '{ me { id } }' }, { query: '{ products(first: 1) { edges { cursor } } }' }]);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject([{ data: { me: null } }, { data: { products: { edges: [] } } }]);

    const tooMany = await post(Array.from({ length: 4 }, () => ({ query: '{ me { id } }' })));
    expect(tooMany.status).toBe(400);
    expect(await tooMany.json()).toMatchObject({
      errors: [{ extensions: { code: 'BATCH_TOO_LARGE', limit: 3, actual: 4 } }],
    });
  });

  it('refuses a body over MAX_REQUEST_BODY with REQUEST_TOO_LARGE and 413', async () => {
    const response = await post({ query: `{ me { id } } # ${'x'.repeat(20_000)}` });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({
      errors: [{ extensions: { code: 'REQUEST_TOO_LARGE', limit: 10_240 } }],
    });
  });

  it('refuses requests a browser could send cross-site without a preflight (CSRF prevention)', async () => {
    const simplePost = await post(JSON.stringify({ query: '{ me { id } }' }), { 'content-type': 'text/plain' });
    expect(simplePost.status).toBe(400);
    const simpleGet = await fetch(`${system.routerUrl}?query=${encodeURIComponent('{ me { id } }')}`);
    expect(simpleGet.status).toBe(400);
    const preflighted = await fetch(`${system.routerUrl}?query=${encodeURIComponent('{ me { id } }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(preflighted.status).toBe(200);
  });

  it('suggests field names outside production', async () => {
    const response = await system.graphql({ query: '{ prodcts { edges { cursor } } }' });
    expect(response.errors?.[0]?.message).toContain('Did you mean');
  });
});

describe('in production', () => {
  let production: TestSystem;
  beforeAll(async () => {
    // The capture channel: production otherwise expects an SMTP server for notifications.
    production = await startSystem({ env: { NODE_ENV: 'production', NOTIFICATIONS_CHANNEL: 'capture' } });
  });
  afterAll(async () => {
    await production?.stop();
  });

  it('does not leak field suggestions', async () => {
    const response = await production.graphql({ query: '{ prodcts { edges { cursor } } }' });
    expect(errorCodes(response)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(response.errors?.[0]?.message).not.toContain('Did you mean');
  });

  it('refuses introspection', async () => {
    const response = await production.graphql({ query: '{ __schema { queryType { name } } }' });
    expect(errorCodes(response)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('serves no landing page', async () => {
    const response = await fetch(production.routerUrl, { headers: { accept: 'text/html' } });
    expect(response.headers.get('content-type') ?? '').not.toContain('text/html');
  });
});
