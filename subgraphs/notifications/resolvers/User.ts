import { requireOwnerOrAdmin } from '#lib/auth/guards';
import type { UserResolvers } from '../generated/resolvers-types.ts';
import { listUserNotifications } from '../notifications.ts';

export const User: UserResolvers = {
  notifications: (user, args, { viewer, prisma }) => {
    requireOwnerOrAdmin(viewer, user.id);
    return listUserNotifications(prisma, user.id, args);
  },
};
