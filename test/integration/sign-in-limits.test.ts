import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSystem, type TestSystem } from '#test/harness/system';
import { errorCodes } from '#system/graphql-client';

const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { token } }`;
const REGISTER = `mutation ($input: RegisterInput!) { register(input: $input) { token } }`;

let system: TestSystem;

beforeAll(async () => {
  system = await startSystem({ env: { AUTH_RATE_LIMIT_PER_IP: '6', AUTH_RATE_LIMIT_PER_EMAIL: '2' } });
});
afterAll(async () => {
  await system?.stop();
});

const login = (email: string) =>
  system.graphql({ query: LOGIN, variables: { input: { email, password: 'wrong-password' } } });
const register = (email: string) =>
  system.graphql({ query: REGISTER, variables: { input: { email, password: 'correct-horse-battery', name: 'N' } } });

describe('sign-in limits (accounts)', () => {
  it('refuses logins on one e-mail over its limit with RATE_LIMITED and when to retry', async () => {
    expect(errorCodes(await login('target@example.com'))).toEqual(['INVALID_CREDENTIALS']);
    expect(errorCodes(await login('Target@Example.com'))).toEqual(['INVALID_CREDENTIALS']);
    const limited = await login('target@example.com');
    expect(errorCodes(limited)).toEqual(['RATE_LIMITED']);
    expect(limited.errors?.[0]?.extensions?.['retryAfterSeconds']).toBeGreaterThan(0);
  });

  it('refuses registrations and logins from one address over its limit, writing nothing', async () => {
    // Three attempts were counted above; three more reach the address's limit of six.
    for (const name of ['a', 'b', 'c']) expect(errorCodes(await register(`${name}@example.com`))).toEqual([]);
    expect(errorCodes(await register('d@example.com'))).toEqual(['RATE_LIMITED']);
    expect(errorCodes(await login('a@example.com'))).toEqual(['RATE_LIMITED']);
  });
});
