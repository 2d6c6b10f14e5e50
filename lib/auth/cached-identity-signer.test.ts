import { describe, expect, it } from 'vitest';
import { createRouterIdentitySigner, createRouterIdentityVerifier } from './router-identity.ts';
import { Role } from './viewer.ts';
import { cachedIdentitySigner } from './cached-identity-signer.ts';

const SECRET = 'a-router-signing-secret-long-enough-0123456789';

describe('cachedIdentitySigner', () => {
  it('reuses one signed statement per caller for 30 s, then signs a new one', async () => {
    let clock = 1_000_000;
    const identityFor = cachedIdentitySigner(createRouterIdentitySigner(SECRET), 10, () => clock);
    const customer = { userId: 'user-1', role: Role.Customer };
    const first = await identityFor(customer, undefined);
    clock += 29_000;
    expect(await identityFor(customer, undefined)).toBe(first);
    clock += 2_000;
    expect(await identityFor(customer, undefined)).not.toBe(first);
  });

  it('keeps callers apart: anonymous, each user, each role', async () => {
    const identityFor = cachedIdentitySigner(createRouterIdentitySigner(SECRET));
    const verify = createRouterIdentityVerifier(SECRET);
    const admin = { userId: 'user-1', role: Role.Admin };
    const customer = { userId: 'user-1', role: Role.Customer };
    expect((await verify(await identityFor(null, undefined))).viewer).toBeNull();
    expect((await verify(await identityFor(admin, undefined))).viewer).toEqual(admin);
    expect((await verify(await identityFor(customer, undefined))).viewer).toEqual(customer);
  });

  it('keeps client addresses apart, so accounts sees each caller address', async () => {
    const identityFor = cachedIdentitySigner(createRouterIdentitySigner(SECRET));
    const verify = createRouterIdentityVerifier(SECRET);
    const fromA = await identityFor(null, '10.0.0.1');
    const fromB = await identityFor(null, '10.0.0.2');
    expect(fromA).not.toBe(fromB);
    expect((await verify(fromA)).clientIp).toBe('10.0.0.1');
    expect((await verify(fromB)).clientIp).toBe('10.0.0.2');
  });
});
