import type { Logger } from '#lib/logger';
import { createTokenSigner } from '#lib/auth/tokens';
import { startSubgraph } from '#lib/subgraph/start-subgraph';
import { PrismaClient } from './generated/prisma/client.ts';
import type { AccountsConfig } from './config.ts';
import type { Context } from './context.ts';
import { createLoaders } from './loaders.ts';
import { resolvers } from './resolvers/index.ts';
import { createSignInLimits } from './sign-in-limits.ts';

/** Starts the accounts subgraph and returns once it listens. */
export function startAccounts(config: AccountsConfig, logger: Logger) {
  const issueToken = createTokenSigner(config.tokens, config.accessTokenTtlSeconds);
  const limitSignIn = createSignInLimits(config.signInLimits);
  return startSubgraph<PrismaClient, Context>({
    name: 'accounts',
    config,
    logger,
    PrismaClient,
    resolvers,
    context: (base, prisma) => ({ ...base, prisma, loaders: createLoaders(prisma), issueToken, limitSignIn }),
  });
}
