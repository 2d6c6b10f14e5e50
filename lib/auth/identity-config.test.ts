import { describe, expect, it } from 'vitest';
import { ConfigError } from '../config.ts';
import {
  DEVELOPMENT_JWT_SECRET,
  DEVELOPMENT_ROUTER_SIGNING_SECRET,
  loadIdentityConfig,
  SINGLE_KEY_ID,
} from './identity-config.ts';

const SECRET = 'a-secret-that-is-long-enough-0123456789';

describe('loadIdentityConfig', () => {
  it('treats a lone JWT_SECRET as the one key, id "default"', () => {
    expect(loadIdentityConfig({ JWT_SECRET: SECRET }).tokens).toMatchObject({
      keys: { [SINGLE_KEY_ID]: SECRET },
      signingKeyId: SINGLE_KEY_ID,
    });
  });

  it('signs with the last key of JWT_KEYS unless JWT_SIGNING_KEY_ID names another', () => {
    const JWT_KEYS = JSON.stringify({ old: SECRET, new: `${SECRET}x` });
    expect(loadIdentityConfig({ JWT_KEYS }).tokens.signingKeyId).toBe('new');
    expect(loadIdentityConfig({ JWT_KEYS, JWT_SIGNING_KEY_ID: 'old' }).tokens.signingKeyId).toBe('old');
  });

  it.each([
    ['JWT_KEYS that is not JSON', { JWT_KEYS: 'old=abc' }, 'JWT_KEYS'],
    ['a short key in JWT_KEYS', { JWT_KEYS: '{"k":"short"}' }, 'JWT_KEYS'],
    [
      'a signing key id not in JWT_KEYS',
      { JWT_KEYS: `{"k":"${SECRET}"}`, JWT_SIGNING_KEY_ID: 'x' },
      'JWT_SIGNING_KEY_ID',
    ],
    ['production without keys', { NODE_ENV: 'production', ROUTER_SIGNING_SECRET: SECRET }, 'JWT_KEYS'],
    ['production without a router secret', { NODE_ENV: 'production', JWT_SECRET: SECRET }, 'ROUTER_SIGNING_SECRET'],
    [
      'the development JWT secret in production',
      { NODE_ENV: 'production', JWT_SECRET: DEVELOPMENT_JWT_SECRET, ROUTER_SIGNING_SECRET: SECRET },
      'JWT_SECRET',
    ],
    [
      'the development router secret in production',
      { NODE_ENV: 'production', JWT_SECRET: SECRET, ROUTER_SIGNING_SECRET: DEVELOPMENT_ROUTER_SIGNING_SECRET },
      'ROUTER_SIGNING_SECRET',
    ],
  ])('refuses %s', (_case, env, variable) => {
    expect(() => loadIdentityConfig(env)).toThrow(ConfigError);
    expect(() => loadIdentityConfig(env)).toThrow(variable);
  });
});
