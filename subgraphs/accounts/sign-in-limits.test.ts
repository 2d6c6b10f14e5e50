import { describe, expect, it } from 'vitest';
import { createSignInLimits } from './sign-in-limits.ts';

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'allowed',
    (error: { extensions?: { code?: string } }) => error.extensions?.code,
  );

describe('createSignInLimits', () => {
  it('refuses an address over its limit with RATE_LIMITED, whatever the e-mail', async () => {
    const limit = createSignInLimits({ perIp: 2, perEmail: 10, windowSeconds: 60 });
    expect(await codeOf(limit('10.0.0.1', 'a@example.com'))).toBe('allowed');
    expect(await codeOf(limit('10.0.0.1', 'b@example.com'))).toBe('allowed');
    expect(await codeOf(limit('10.0.0.1', 'c@example.com'))).toBe('RATE_LIMITED');
    expect(await codeOf(limit('10.0.0.2', 'c@example.com'))).toBe('allowed');
  });

  it('refuses an e-mail over its limit from any address, and says when to retry', async () => {
    const limit = createSignInLimits({ perIp: 10, perEmail: 2, windowSeconds: 60 });
    await limit('10.0.0.1', 'victim@example.com');
    await limit('10.0.0.2', 'victim@example.com');
    const refusal = await limit('10.0.0.3', 'victim@example.com').catch((error: unknown) => error);
    expect(refusal).toMatchObject({ extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 60 } });
    expect(await codeOf(limit('10.0.0.3', 'other@example.com'))).toBe('allowed');
  });
});
