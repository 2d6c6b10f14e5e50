import { forbidden, unauthenticated } from '../errors.ts';
import { Role, type Viewer } from './viewer.ts';

/** The signed-in caller, or UNAUTHENTICATED. */
export function requireViewer(viewer: Viewer | null): Viewer {
  if (!viewer) throw unauthenticated();
  return viewer;
}

/** An admin caller: UNAUTHENTICATED for anonymous callers, FORBIDDEN for customers. */
export function requireAdmin(viewer: Viewer | null): Viewer {
  const caller = requireViewer(viewer);
  if (caller.role !== Role.Admin) throw forbidden('Only admins can do this.');
  return caller;
}

/** The caller when they are `ownerId` or an admin: UNAUTHENTICATED or FORBIDDEN otherwise. */
export function requireOwnerOrAdmin(viewer: Viewer | null, ownerId: string): Viewer {
  const caller = requireViewer(viewer);
  if (caller.userId !== ownerId && caller.role !== Role.Admin) throw forbidden();
  return caller;
}
