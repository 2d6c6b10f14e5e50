import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { routerOnSharedSystem, type TestSystem } from '#test/harness/system';
import { postOnFreshConnection } from '#testing/fresh-connection';

const RATE_PREFIX = `test-workers-rate-${randomUUID()}`;
const APQ_PREFIX = `test-workers-apq-${randomUUID()}`;
const POINTS = 8;
const redis = new Redis('redis://127.0.0.1:6379');
let system: TestSystem;

const post = (body: unknown) => postOnFreshConnection(system.routerUrl, body);

const QUERY = '{ products(first: 1) { edges { node { id } } } }';
const hash = createHash('sha256').update(QUERY).digest('hex');
const byHash = { extensions: { persistedQuery: { version: 1, sha256Hash: hash } } };

beforeAll(async () => {
  system = await routerOnSharedSystem({
    ROUTER_WORKERS: '2',
    RATE_LIMIT_POINTS: String(POINTS),
    RATE_LIMIT_KEY_PREFIX: RATE_PREFIX,
    PERSISTED_QUERIES_KEY_PREFIX: APQ_PREFIX,
  });
});
afterAll(async () => {
  await system?.stop();
  const keys = [...(await redis.keys(`${RATE_PREFIX}:*`)), ...(await redis.keys(`${APQ_PREFIX}:*`))];
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
});

describe('the router as two processes on one port (ROUTER_WORKERS=2)', () => {
  it('serves a persisted query registered through one process from the other, through Redis', async () => {
    const unknown = await post(byHash);
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const registered = await post({ query: QUERY, ...byHash });
    expect(registered.body.errors).toBeUndefined();
    expect(await redis.get(`${APQ_PREFIX}:apq:${hash}`)).toBe(QUERY);
    // Two connections in a row reach both workers; neither has to be told the text again.
    for (let i = 0; i < 2; i += 1) {
      const served = await post(byHash);
      expect(served.status).toBe(200);
      expect(served.body.errors).toBeUndefined();
    }
  });

  it('draws every process on one rate-limit budget', async () => {
    // The first test spent 4 points of this client's budget, whichever process counted them.
    const remaining: number[] = [];
    for (let i = 4; i < POINTS; i += 1)
      remaining.push(Number((await post({ query: QUERY })).headers['ratelimit-remaining']));
    expect(remaining).toEqual([3, 2, 1, 0]);
    const refused = await post({ query: QUERY });
    expect(refused.status).toBe(429);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  });
});
