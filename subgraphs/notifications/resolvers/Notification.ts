import { isAdmin } from '#lib/auth/viewer';
import type { NotificationResolvers } from '../generated/resolvers-types.ts';
import { userReference } from '../entity-references.ts';

export const Notification: NotificationResolvers = {
  user: (notification) => userReference(notification.userId),
  // A channel's error text can describe the mail infrastructure: admins only.
  lastError: (notification, _args, { viewer }) => (isAdmin(viewer) ? notification.lastError : null),
};
