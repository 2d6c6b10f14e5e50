import { describe, expect, it } from 'vitest';
import { bearerToken, createTokenSigner, createTokenVerifier, InvalidTokenError } from './tokens.ts';

const SECRET = 'a-secret-that-is-long-enough-for-hs256-0123';
const settings = { keys: { k1: SECRET }, signingKeyId: 'k1', issuer: 'iss', audience: 'aud' };
const viewer = { userId: '01900000-0000-7000-8000-000000000001', role: 'CUSTOMER' as const };

describe('access tokens', () => {
  it('verifies a token it signed and returns who the caller is', async () => {
    const { token, expiresAt } = await createTokenSigner(settings, 60)(viewer);
    expect(expiresAt.getTime()).toBeGreaterThan(Date.now());
    await expect(createTokenVerifier(settings)(token)).resolves.toEqual(viewer);
  });

  it('refuses an expired token', async () => {
    const { token } = await createTokenSigner(settings, 60)(viewer, new Date(Date.now() - 120_000));
    await expect(createTokenVerifier(settings)(token)).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it.each([
    [
      'another secret under a known key id',
      { ...settings, keys: { k1: 'another-secret-that-is-long-enough-0123456' } },
    ],
    ['an unknown key id', { ...settings, keys: { k2: SECRET }, signingKeyId: 'k2' }],
    ['another issuer', { ...settings, issuer: 'someone-else' }],
    ['another audience', { ...settings, audience: 'another-api' }],
  ])('refuses a token signed with %s', async (_case, signerSettings) => {
    const { token } = await createTokenSigner(signerSettings, 60)(viewer);
    await expect(createTokenVerifier(settings)(token)).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('verifies a token signed with any listed key, so a rotated-out key keeps working', async () => {
    const rotated = { ...settings, keys: { k1: SECRET, k2: `${SECRET}-new` }, signingKeyId: 'k2' };
    const { token } = await createTokenSigner(settings, 60)(viewer);
    await expect(createTokenVerifier(rotated)(token)).resolves.toEqual(viewer);
  });

  it('reads bearer tokens and refuses other authorization schemes', () => {
    expect(bearerToken(undefined)).toBeUndefined();
    expect(bearerToken('Bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(() => bearerToken('Basic dXNlcjpwYXNz')).toThrowError(InvalidTokenError);
  });
});
