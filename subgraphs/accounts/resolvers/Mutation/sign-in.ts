import type { User } from '../../generated/prisma/client.ts';
import type { Context } from '../../context.ts';

/**
 * The payload both register and login answer with. The rest of the operation runs as the user who
 * just signed in, so the payload may select the user's own private fields.
 */
export async function signIn(user: User, context: Context) {
  const viewer = { userId: user.id, role: user.role };
  context.viewer = viewer;
  const { token, expiresAt } = await context.issueToken(viewer);
  return { token, expiresAt, user };
}
