import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { routerOnSharedSystem, type TestSystem } from '#test/harness/system';
import { errorCodes } from '#system/graphql-client';
import { registerCustomer } from '#testing/accounts';

const PREFIX = `test-rate-${randomUUID()}`;
const redis = new Redis('redis://127.0.0.1:6379');
let system: TestSystem;

beforeAll(async () => {
  system = await routerOnSharedSystem({
    RATE_LIMIT_POINTS: '4',
    RATE_LIMIT_DURATION_SECONDS: '60',
    RATE_LIMIT_KEY_PREFIX: PREFIX,
  });
});
afterAll(async () => {
  await system?.stop();
  const keys = await redis.keys(`${PREFIX}:*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
});

describe('rate limiting per client', () => {
  it('counts down with RateLimit headers, then refuses with 429, Retry-After and RATE_LIMITED', async () => {
    const customer = await registerCustomer(system, 'limited@example.com'); // the IP's first point
    const remaining: (string | null)[] = [];
    for (let i = 0; i < 4; i += 1) {
      const response = await system.graphql({ query: '{ me { id } }', token: customer.token });
      expect(response.errors).toBeUndefined();
      expect(response.headers.get('ratelimit-limit')).toBe('4');
      remaining.push(response.headers.get('ratelimit-remaining'));
    }
    expect(remaining).toEqual(['3', '2', '1', '0']);

    const refused = await system.graphql({ query: '{ me { id } }', token: customer.token });
    expect(refused.status).toBe(429);
    expect(errorCodes(refused)).toEqual(['RATE_LIMITED']);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ limit: 4 });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(refused.headers.get('ratelimit-remaining')).toBe('0');
  });

  it('keeps a separate budget per client: the anonymous IP still has points left', async () => {
    const response = await system.graphql({ query: '{ me { id } }' });
    expect(response.status).toBe(200);
    expect(response.headers.get('ratelimit-remaining')).toBe('2');
  });

  it('charges a batch one point per operation', async () => {
    const response = await fetch(system.routerUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ me { id } }' }, { query: '{ me { id } }' }, { query: '{ me { id } }' }]),
    });
    expect(response.status).toBe(429);
    expect(response.headers.get('ratelimit-remaining')).toBe('0');
  });

  it('keeps the counters in Redis under the configured prefix, shared by every replica', async () => {
    const keys = await redis.keys(`${PREFIX}:*`);
    expect(keys.sort()).toEqual([expect.stringMatching(/:ip:/), expect.stringMatching(/:user:/)]);
  });
});
