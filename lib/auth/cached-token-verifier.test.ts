import { describe, expect, it } from 'vitest';
import { createTokenSigner, createTokenVerifier, InvalidTokenError } from '#lib/auth/tokens';
import { Role } from '#lib/auth/viewer';
import { cachedTokenVerifier } from './cached-token-verifier.ts';

const settings = {
  keys: { k1: 'a-test-secret-that-is-long-enough-0123456789' },
  signingKeyId: 'k1',
  issuer: 'commerce-accounts',
  audience: 'commerce-supergraph',
};
const viewer = { userId: 'user-1', role: Role.Customer };

describe('cachedTokenVerifier', () => {
  it('verifies a token once and answers the same viewer from memory after', async () => {
    const verify = createTokenVerifier(settings);
    let calls = 0;
    const cached = cachedTokenVerifier(async (token) => {
      calls += 1;
      return verify(token);
    });
    const { token } = await createTokenSigner(settings, 60)(viewer);
    expect(await cached(token)).toEqual(viewer);
    expect(await cached(token)).toEqual(viewer);
    expect(calls).toBe(1);
  });

  it('refuses a remembered token once it has expired', async () => {
    let clock = Date.now();
    const verify = createTokenVerifier(settings);
    const cached = cachedTokenVerifier(verify, 10, () => clock);
    const { token, expiresAt } = await createTokenSigner(settings, 1)(viewer);
    expect(await cached(token)).toEqual(viewer);
    clock = expiresAt.getTime();
    // The entry is past its exp: the token is verified again, and jose refuses it once it is expired.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, expiresAt.getTime() - Date.now() + 10)));
    await expect(cached(token)).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('never remembers a token that did not verify', async () => {
    let calls = 0;
    const cached = cachedTokenVerifier(async () => {
      calls += 1;
      throw new InvalidTokenError('bad');
    });
    await expect(cached('x.y.z')).rejects.toBeInstanceOf(InvalidTokenError);
    await expect(cached('x.y.z')).rejects.toBeInstanceOf(InvalidTokenError);
    expect(calls).toBe(2);
  });

  it('keeps at most maxEntries tokens', async () => {
    const verify = createTokenVerifier(settings);
    let calls = 0;
    const cached = cachedTokenVerifier(async (token) => {
      calls += 1;
      return verify(token);
    }, 1);
    const sign = createTokenSigner(settings, 60);
    const first = (await sign(viewer)).token;
    const second = (await sign({ userId: 'user-2', role: Role.Admin })).token;
    await cached(first);
    await cached(second);
    await cached(first);
    expect(calls).toBe(3);
  });
});
