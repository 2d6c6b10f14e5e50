import { describe, expect, it } from 'vitest';
import { bearerToken, createTokenSigner, createTokenVerifier, InvalidTokenError } from './tokens.ts';

const settings = { secret: 'a-secret-that-is-long-enough-for-hs256-0123', issuer: 'iss', audience: 'aud' };
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
    ['another secret', { ...settings, secret: 'another-secret-that-is-long-enough-0123456' }],
    ['another issuer', { ...settings, issuer: 'someone-else' }],
    ['another audience', { ...settings, audience: 'another-api' }],
  ])('refuses a token signed with %s', async (_case, signerSettings) => {
    const { token } = await createTokenSigner(signerSettings, 60)(viewer);
    await expect(createTokenVerifier(settings)(token)).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('reads bearer tokens and refuses other authorization schemes', () => {
    expect(bearerToken(undefined)).toBeUndefined();
    expect(bearerToken('Bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(() => bearerToken('Basic dXNlcjpwYXNz')).toThrowError(InvalidTokenError);
  });
});
