import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeProtectedHeader } from 'jose';
import { createTokenSigner } from '#lib/auth/tokens';
import { createRouterIdentitySigner, ROUTER_IDENTITY_HEADER } from '#lib/auth/router-identity';
import { startSystem, BASE_ENV, type TestSystem } from '#test/harness/system';
import { errorCodes, postGraphQL } from '#system/testing/graphql-client';
import { registerCustomer, type SignedInUser } from '#system/testing/accounts';

const KEYS = {
  '2026-10': 'the-key-from-last-month-long-enough-0123456789',
  '2026-11': 'the-key-from-this-month-long-enough-0123456789',
};
const SETTINGS = { keys: KEYS, issuer: 'commerce-accounts', audience: 'commerce-supergraph' };
const ME = '{ me { id } }';

let system: TestSystem;
let customer: SignedInUser;

const signWith = (
  signingKeyId: string,
  settings: Partial<{ keys: Record<string, string>; issuer: string; audience: string }> = {},
  ttlSeconds = 600,
  now?: Date,
) =>
  createTokenSigner({ ...SETTINGS, ...settings, signingKeyId }, ttlSeconds)(
    { userId: customer.id, role: 'CUSTOMER' },
    now,
  ).then(({ token }) => token);

beforeAll(async () => {
  system = await startSystem({ env: { JWT_KEYS: JSON.stringify(KEYS) } });
  customer = await registerCustomer(system, 'rotation@example.com');
});
afterAll(async () => {
  await system?.stop();
});

describe('access tokens at the router', () => {
  it('signs new tokens with the newest key and names it in the kid header', () => {
    expect(decodeProtectedHeader(customer.token)).toMatchObject({ alg: 'HS256', kid: '2026-11' });
  });

  it('still accepts a token signed with an older key that is still listed', async () => {
    const response = await system.graphql({ query: ME, token: await signWith('2026-10') });
    expect(response.data).toEqual({ me: { id: customer.id } });
  });

  it.each([
    ['an unknown key id', () => unknownKidToken()],
    ['the wrong issuer', () => signWith('2026-11', { issuer: 'someone-else' })],
    ['the wrong audience', () => signWith('2026-11', { audience: 'another-api' })],
    ['an expired token', () => signWith('2026-11', {}, 60, new Date(Date.now() - 3_600_000))],
    [
      'a token whose kid names a key it was not signed with',
      () =>
        createTokenSigner(
          {
            ...SETTINGS,
            keys: { '2026-11': 'an-attackers-own-secret-long-enough-0123456789' },
            signingKeyId: '2026-11',
          },
          600,
        )({ userId: customer.id, role: 'ADMIN' }).then(({ token }) => token),
    ],
  ])('refuses %s with UNAUTHENTICATED before any subgraph is called', async (_case, makeToken) => {
    const response = await system.graphql({ query: ME, token: await makeToken() });
    expect(response.status).toBe(401);
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
  });
});

/** Signed with a listed secret but under a key id the router does not know. */
function unknownKidToken() {
  return signWith('1999-01', { keys: { '1999-01': KEYS['2026-10'] } });
}

describe('subgraphs reached without the router', () => {
  const accountsUrl = () => system.subgraphUrls['accounts']!;

  it('refuses a valid access token sent straight to a subgraph', async () => {
    const response = await postGraphQL(accountsUrl(), { query: ME, token: customer.token });
    expect(response.status).toBe(401);
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
    expect(response.data ?? null).toBeNull();
  });

  it('refuses an anonymous request with no router identity', async () => {
    const response = await postGraphQL(accountsUrl(), { query: '{ me { id } }' });
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses a forged router identity header', async () => {
    const forged = await createRouterIdentitySigner('not-the-router-secret-but-long-enough-0123456789')({
      requestId: 'forged',
      viewer: { userId: customer.id, role: 'ADMIN' },
    });
    const response = await postGraphQL(accountsUrl(), { query: ME, headers: { [ROUTER_IDENTITY_HEADER]: forged } });
    expect(response.status).toBe(401);
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
  });

  it('answers a request carrying the identity the router signs', async () => {
    const genuine = await createRouterIdentitySigner(BASE_ENV.ROUTER_SIGNING_SECRET)({
      requestId: 'genuine',
      viewer: { userId: customer.id, role: 'CUSTOMER' },
    });
    const response = await postGraphQL(accountsUrl(), { query: ME, headers: { [ROUTER_IDENTITY_HEADER]: genuine } });
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ me: { id: customer.id } });
  });
});
