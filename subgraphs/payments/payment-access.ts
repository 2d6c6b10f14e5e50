import { isAdmin, type Viewer } from '#lib/auth/viewer';
import type { Payment } from './generated/prisma/client.ts';

/** A payment is seen by the customer who pays it and by admins, by nobody else. */
export const canSeePayment = (viewer: Viewer | null, payment: Payment) =>
  viewer !== null && (viewer.userId === payment.userId || isAdmin(viewer));

/** The payment if the viewer may see it, otherwise null, as if there were none. */
export const visiblePayment = (viewer: Viewer | null, payment: Payment | null) =>
  payment && canSeePayment(viewer, payment) ? payment : null;
