import { beforeAll, describe, expect, it } from 'vitest';
import { sharedSystem, type SharedTestSystem } from '#test/harness/system';
import { errorCodes } from '#system/graphql-client';
import { registerCustomer } from '#testing/accounts';
import { countRows } from '#testing/databases';

const REGISTER = /* GraphQL */ `
  mutation ($input: RegisterInput!) {
    register(input: $input) {
      token
      expiresAt
      user {
        id
        email
        name
        role
      }
    }
  }
`;
const LOGIN = /* GraphQL */ `
  mutation ($input: LoginInput!) {
    login(input: $input) {
      token
      user {
        id
        email
      }
    }
  }
`;
const ME = /* GraphQL */ `
  {
    me {
      id
      email
      name
      role
      createdAt
    }
  }
`;

let system: SharedTestSystem;

const userCount = () => countRows(system.databaseUrls['accounts']!, 'User');

beforeAll(async () => {
  system = await sharedSystem();
});
describe('accounts through the router', () => {
  it('registers a customer with a normalised e-mail and signs them in', async () => {
    const response = await system.graphql({
      query: REGISTER,
      variables: { input: { email: '  Alice@Example.COM ', password: 'correct-horse-battery', name: 'Alice' } },
    });
    expect(response.errors).toBeUndefined();
    expect(response.data).toMatchObject({
      register: { user: { email: 'alice@example.com', name: 'Alice', role: 'CUSTOMER' } },
    });
    const expiresAt = Date.parse((response.data as { register: { expiresAt: string } }).register.expiresAt);
    expect(expiresAt).toBeGreaterThan(Date.now());
  });

  it('logs in with the same e-mail in another spelling and answers me', async () => {
    const login = await system.graphql<{ login: { token: string; user: { id: string } } }>({
      query: LOGIN,
      variables: { input: { email: 'ALICE@example.com', password: 'correct-horse-battery' } },
    });
    expect(login.errors).toBeUndefined();
    const token = login.data!.login.token;
    const me = await system.graphql({ query: ME, token });
    expect(me.data).toMatchObject({ me: { id: login.data!.login.user.id, email: 'alice@example.com', name: 'Alice' } });
  });

  it('answers me with null for an anonymous caller', async () => {
    const me = await system.graphql({ query: ME });
    expect(me.errors).toBeUndefined();
    expect(me.data).toEqual({ me: null });
  });

  it('refuses a duplicate e-mail with CONFLICT and writes nothing', async () => {
    await registerCustomer(system, 'dup@example.com');
    const before = await userCount();
    const response = await system.graphql({
      query: REGISTER,
      variables: { input: { email: 'DUP@example.com', password: 'another-password', name: 'Dup' } },
    });
    expect(errorCodes(response)).toEqual(['CONFLICT']);
    expect(response.data).toBeNull();
    expect(await userCount()).toBe(before);
  });

  it('refuses a wrong password and an unknown e-mail alike with INVALID_CREDENTIALS', async () => {
    const wrong = await system.graphql({
      query: LOGIN,
      variables: { input: { email: 'alice@example.com', password: 'not-the-password' } },
    });
    const unknown = await system.graphql({
      query: LOGIN,
      variables: { input: { email: 'nobody@example.com', password: 'correct-horse-battery' } },
    });
    expect(errorCodes(wrong)).toEqual(['INVALID_CREDENTIALS']);
    expect(errorCodes(unknown)).toEqual(['INVALID_CREDENTIALS']);
    expect(wrong.errors?.[0]?.message).toBe(unknown.errors?.[0]?.message);
  });

  it.each([
    ['an invalid e-mail', { email: 'not-an-email', password: 'correct-horse-battery', name: 'X' }, 'email'],
    ['a short password', { email: 'short@example.com', password: 'short', name: 'X' }, 'password'],
    ['an empty name', { email: 'noname@example.com', password: 'correct-horse-battery', name: '   ' }, 'name'],
  ])('refuses %s with BAD_USER_INPUT naming the field, writing nothing', async (_case, input, field) => {
    const before = await userCount();
    const response = await system.graphql({ query: REGISTER, variables: { input } });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0]?.extensions?.['field']).toBe(field);
    expect(await userCount()).toBe(before);
  });

  it('refuses a forged or expired token with UNAUTHENTICATED instead of treating it as anonymous', async () => {
    const forged = await system.graphql({ query: ME, token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.bad' });
    expect(forged.status).toBe(401);
    expect(errorCodes(forged)).toEqual(['UNAUTHENTICATED']);
  });
});
