import { describe, expect, it } from 'vitest';
import { createRouterIdentitySigner, createRouterIdentityVerifier } from '#lib/auth/router-identity';
import { Role } from '#lib/auth/viewer';
import { cachedIdentitySigner } from './cached-identity-signer.ts';

const SECRET = 'a-router-signing-secret-long-enough-0123456789';

describe('cachedIdentitySigner', () => {
  it('reuses one signed statement per caller for 30 s, then signs a new one', async () => {
    let clock = 1_000_000;
    const identityFor = cachedIdentitySigner(createRouterIdentitySigner(SECRET), 10, () => clock);
    const customer = { userId: 'user-1', role: Role.Customer };
    const first = await identityFor(customer);
    clock += 29_000;
    expect(await identityFor(customer)).toBe(first);
    clock += 2_000;
    expect(await identityFor(customer)).not.toBe(first);
  });

  it('keeps callers apart: anonymous, each user, each role', async () => {
    const identityFor = cachedIdentitySigner(createRouterIdentitySigner(SECRET));
    const verify = createRouterIdentityVerifier(SECRET);
    const admin = { userId: 'user-1', role: Role.Admin };
    const customer = { userId: 'user-1', role: Role.Customer };
    expect((await verify(await identityFor(null))).viewer).toBeNull();
    expect((await verify(await identityFor(admin))).viewer).toEqual(admin);
    expect((await verify(await identityFor(customer))).viewer).toEqual(customer);
  });
});
