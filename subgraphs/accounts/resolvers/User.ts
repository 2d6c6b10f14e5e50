import { isAdmin } from '#lib/auth/viewer';
import type { UserResolvers } from '../generated/resolvers-types.ts';

export const User: UserResolvers = {
  __resolveReference: ({ id }, { loaders }) => loaders.userById.load(id),
  email: (user, _args, { viewer }) => (viewer?.userId === user.id || isAdmin(viewer) ? user.email : null),
};
