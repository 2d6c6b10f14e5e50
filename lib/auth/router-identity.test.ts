import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  createRouterIdentitySigner,
  createRouterIdentityVerifier,
  InvalidRouterIdentityError,
} from './router-identity.ts';
import { Role } from './viewer.ts';

const SECRET = 'a-router-signing-secret-long-enough-0123456789';
const customer = { userId: 'user-1', role: Role.Customer };

/** A statement like the router's, with the claims given, signed with `secret`. */
const statement = (claims: { sub?: string; role?: string; exp: number }, secret = SECRET) =>
  new SignJWT(claims.role ? { role: claims.role } : {})
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer('commerce-router')
    .setAudience('commerce-subgraphs')
    .setJti('request-1')
    .setSubject(claims.sub ?? 'user-1')
    .setExpirationTime(claims.exp)
    .sign(new TextEncoder().encode(secret));

describe('createRouterIdentityVerifier', () => {
  it('returns the same caller for a statement seen again, without checking it again', async () => {
    const token = await createRouterIdentitySigner(SECRET)({ requestId: 'r1', viewer: customer, clientIp: '10.0.0.1' });
    const verify = createRouterIdentityVerifier(SECRET);
    const first = await verify(token);
    expect(first).toEqual({ requestId: 'r1', viewer: customer, clientIp: '10.0.0.1' });
    expect(await verify(token)).toBe(first);
  });

  it('refuses a remembered statement once its own exp has passed', async () => {
    const nowS = Math.floor(Date.now() / 1000);
    const token = await statement({ role: Role.Customer, exp: nowS + 60 });
    let clock = nowS * 1000;
    const verify = createRouterIdentityVerifier(SECRET, 10, () => clock);
    expect((await verify(token)).viewer).toEqual(customer);
    clock = (nowS + 59) * 1000;
    expect((await verify(token)).viewer).toEqual(customer);
    clock = (nowS + 60) * 1000;
    await expect(verify(token)).rejects.toBeInstanceOf(InvalidRouterIdentityError);
  });

  it('checks a forged or malformed statement every time and never remembers it', async () => {
    const verify = createRouterIdentityVerifier(SECRET);
    const forged = await statement(
      { role: Role.Admin, exp: Math.floor(Date.now() / 1000) + 60 },
      'another-secret-long-enough-0123456789-xxxx',
    );
    await expect(verify(forged)).rejects.toBeInstanceOf(InvalidRouterIdentityError);
    await expect(verify(forged)).rejects.toBeInstanceOf(InvalidRouterIdentityError);
    await expect(verify('not.a.jwt')).rejects.toBeInstanceOf(InvalidRouterIdentityError);
    await expect(verify(undefined)).rejects.toBeInstanceOf(InvalidRouterIdentityError);
  });

  it('refuses an unknown role', async () => {
    const verify = createRouterIdentityVerifier(SECRET);
    const token = await statement({ role: 'ROOT', exp: Math.floor(Date.now() / 1000) + 60 });
    await expect(verify(token)).rejects.toBeInstanceOf(InvalidRouterIdentityError);
    await expect(verify(token)).rejects.toBeInstanceOf(InvalidRouterIdentityError);
  });
});
