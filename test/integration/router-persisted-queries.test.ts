import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManifest, serializeManifest } from '#lib/graphql/persisted-query-manifest';
import { parseUsageSnapshot } from '#lib/graphql/usage-snapshot';
import { routerOnSharedSystem, type TestSystem } from '#test/harness/system';

const ME = 'query Me { me { id } }';
const PRODUCTS = '{ products(first: 1) { edges { cursor } } }';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const post = (system: TestSystem, body: unknown) =>
  fetch(system.routerUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }).then(async (response) => ({ status: response.status, body: (await response.json()) as Record<string, unknown> }));

const byHash = (query: string) => ({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256(query) } } });

describe('automatic persisted queries through the gateway', () => {
  let system: TestSystem;
  beforeAll(async () => {
    // A manifest without safelist mode: its operations are known by hash, any other can register.
    const manifest = join(mkdtempSync(join(tmpdir(), 'manifest-')), 'operations.json');
    writeFileSync(manifest, serializeManifest(createManifest([{ body: ME, where: 'test' }])));
    system = await routerOnSharedSystem({ PERSISTED_QUERIES_MANIFEST: manifest });
  });
  afterAll(async () => {
    await system?.stop();
  });

  it('asks for the text of an unknown hash, stores it, then runs it by hash alone', async () => {
    const unknown = await post(system, byHash(PRODUCTS));
    expect(unknown.body).toMatchObject({ errors: [{ extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] });

    const registered = await post(system, { query: PRODUCTS, ...byHash(PRODUCTS) });
    expect(registered.body).toEqual({ data: { products: { edges: [] } } });

    const byHashAlone = await post(system, byHash(PRODUCTS));
    expect(byHashAlone.body).toEqual({ data: { products: { edges: [] } } });
  });

  it("runs an operation of PERSISTED_QUERIES_MANIFEST by hash on the client's first request", async () => {
    const first = await post(system, byHash(ME));
    expect(first.body).toEqual({ data: { me: null } });
  });

  it('refuses a hash that is not the hash of the text sent with it', async () => {
    const response = await post(system, { query: ME, ...byHash(PRODUCTS) });
    expect(response.status).toBe(400);
  });
});

describe('registered operations only', () => {
  let system: TestSystem;
  const folder = mkdtempSync(join(tmpdir(), 'manifest-'));
  const usageSnapshot = join(folder, 'usage.json');
  beforeAll(async () => {
    const manifest = join(folder, 'operations.json');
    writeFileSync(manifest, serializeManifest(createManifest([{ body: ME, where: 'test' }])));
    system = await routerOnSharedSystem({
      PERSISTED_QUERIES_ONLY: 'true',
      PERSISTED_QUERIES_MANIFEST: manifest,
      FIELD_USAGE_SNAPSHOT: usageSnapshot,
      FIELD_USAGE_SNAPSHOT_INTERVAL_MS: '100',
    });
  });
  afterAll(async () => {
    await system?.stop();
  });

  it('runs a registered operation sent by hash or as text', async () => {
    expect((await post(system, byHash(ME))).body).toEqual({ data: { me: null } });
    expect((await post(system, { query: ME })).body).toEqual({ data: { me: null } });
  });

  it.each([
    ['an unregistered operation as text', { query: PRODUCTS }],
    ['an unregistered operation by hash', byHash(PRODUCTS)],
    ['an unregistered operation with its hash, trying to register it', { query: PRODUCTS, ...byHash(PRODUCTS) }],
    ['a batch holding one unregistered operation', [{ query: ME }, { query: PRODUCTS }]],
  ])('refuses %s with PERSISTED_QUERY_NOT_REGISTERED', async (_case, body) => {
    const response = await post(system, body);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ errors: [{ extensions: { code: 'PERSISTED_QUERY_NOT_REGISTERED' } }] });
  });

  it('counts the schema elements the operations used in the field usage snapshot', async () => {
    await post(system, { query: ME });
    await expect
      .poll(() =>
        existsSync(usageSnapshot) ? parseUsageSnapshot(readFileSync(usageSnapshot, 'utf8'), usageSnapshot) : undefined,
      )
      .toMatchObject({ counts: { 'Query.me': expect.any(Number), 'User.id': expect.any(Number) } });
  });
});
