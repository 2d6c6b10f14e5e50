import { validateInput } from '#lib/graphql/validate-input';
import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import { createUser, registerInputSchema } from '../../users.ts';
import { signIn } from './sign-in.ts';

export const register: NonNullable<MutationResolvers['register']> = async (_parent, { input }, context) => {
  const registration = validateInput(registerInputSchema, input);
  await context.limitSignIn(context.clientIp, registration.email);
  const user = await createUser(context.prisma, registration);
  context.logger.info({ userId: user.id }, 'user registered');
  return signIn(user, context);
};
