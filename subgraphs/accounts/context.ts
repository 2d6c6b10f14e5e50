import type { BaseContext } from '#lib/subgraph/base-context';
import type { createTokenSigner } from '#lib/auth/tokens';
import type { PrismaClient } from './generated/prisma/client.ts';
import type { Loaders } from './loaders.ts';
import type { SignInLimits } from './sign-in-limits.ts';

export interface Context extends BaseContext {
  prisma: PrismaClient;
  loaders: Loaders;
  issueToken: ReturnType<typeof createTokenSigner>;
  /** Refuses a login or register over the per-address or per-e-mail limit (RATE_LIMITED). */
  limitSignIn: SignInLimits;
}
