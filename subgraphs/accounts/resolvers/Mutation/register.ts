import { validateInput } from '#lib/graphql/validate-input';
import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import { createUser, registerInputSchema } from '../../users.ts';
import { signIn } from './sign-in.ts';

export const register: NonNullable<MutationResolvers['register']> = async (_parent, { input }, context) => {
  const user = await createUser(context.prisma, validateInput(registerInputSchema, input));
  context.logger.info({ userId: user.id }, 'user registered');
  return signIn(user, context);
};
