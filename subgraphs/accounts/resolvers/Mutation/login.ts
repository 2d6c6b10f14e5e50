import { validateInput } from '#lib/graphql/validate-input';
import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import { authenticate, loginInputSchema } from '../../users.ts';
import { signIn } from './sign-in.ts';

export const login: NonNullable<MutationResolvers['login']> = async (_parent, { input }, context) => {
  const credentials = validateInput(loginInputSchema, input);
  await context.limitSignIn(context.clientIp, credentials.email);
  return signIn(await authenticate(context.prisma, credentials), context);
};
