import { createPrismaClient } from '#lib/prisma';
import { PrismaClient } from '#subgraphs/accounts/generated/prisma/client';
import { createUser } from '#subgraphs/accounts/users';
import type { PrivateSystem } from '../private-system.ts';

/** What these helpers need of a running system. */
type TestSystem = Pick<PrivateSystem, 'graphql' | 'databaseUrls'>;

export interface SignedInUser {
  id: string;
  token: string;
}

const LOGIN = /* GraphQL */ `
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      token
      user {
        id
      }
    }
  }
`;

const REGISTER = /* GraphQL */ `
  mutation Register($input: RegisterInput!) {
    register(input: $input) {
      token
      user {
        id
      }
    }
  }
`;

interface AuthData {
  login?: { token: string; user: { id: string } };
  register?: { token: string; user: { id: string } };
}

/** Registers a customer through the router and returns its token. */
export async function registerCustomer(system: TestSystem, email: string, name = 'Customer'): Promise<SignedInUser> {
  const response = await system.graphql<AuthData>({
    query: REGISTER,
    variables: { input: { email, password: 'correct-horse-battery', name } },
  });
  const payload = response.data?.register;
  if (!payload) throw new Error(`register failed: ${JSON.stringify(response.errors)}`);
  return { id: payload.user.id, token: payload.token };
}

/**
 * Admins are never self-registered; like the seed script, a test creates one in the accounts
 * database, then signs in through the router as any client would.
 */
export async function createAdmin(system: TestSystem, email = 'admin@example.com'): Promise<SignedInUser> {
  const prisma = createPrismaClient(PrismaClient, { url: system.databaseUrls['accounts']!, poolSize: 1 });
  try {
    await createUser(prisma, { email, password: 'admin-password-123', name: 'Admin' }, 'ADMIN');
  } finally {
    await prisma.$disconnect();
  }
  const response = await system.graphql<AuthData>({
    query: LOGIN,
    variables: { input: { email, password: 'admin-password-123' } },
  });
  const payload = response.data?.login;
  if (!payload) throw new Error(`admin login failed: ${JSON.stringify(response.errors)}`);
  return { id: payload.user.id, token: payload.token };
}
