import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Queue } from 'bullmq';
import type { Express, RequestHandler } from 'express';
import { bearerToken, type TokenVerifier } from '#lib/auth/tokens';
import { isAdmin } from '#lib/auth/viewer';

export const DASHBOARD_PATH = '/admin/queues';
const COOKIE = 'ops_token';

const cookieToken = (header: string | undefined) =>
  header
    ?.split(';')
    .map((part) => part.trim().split('='))
    .find(([name]) => name === COOKIE)?.[1];

/**
 * Lets only admins through: an admin access token in `Authorization: Bearer`, or once in
 * `?token=` (for a browser), which is then kept in an HttpOnly cookie scoped to the dashboard.
 */
function requireAdminToken(verify: TokenVerifier): RequestHandler {
  return async (req, res, next) => {
    const fromQuery = typeof req.query['token'] === 'string' ? req.query['token'] : undefined;
    try {
      const token = fromQuery ?? bearerToken(req.header('authorization')) ?? cookieToken(req.header('cookie'));
      if (!token || !isAdmin(await verify(token))) throw new Error('not an admin');
    } catch {
      res
        .status(403)
        .json({ errors: [{ message: 'Only admins can see the queues.', extensions: { code: 'FORBIDDEN' } }] });
      return;
    }
    if (!fromQuery) return next();
    res.cookie(COOKIE, fromQuery, { httpOnly: true, sameSite: 'strict', path: DASHBOARD_PATH });
    res.redirect(DASHBOARD_PATH);
  };
}

/** Mounts bull-board over every pipeline queue at /admin/queues, for admins only. */
export function mountQueueDashboard(app: Express, queues: readonly Queue[], verify: TokenVerifier): void {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(DASHBOARD_PATH);
  createBullBoard({ queues: queues.map((queue) => new BullMQAdapter(queue)), serverAdapter });
  app.use(DASHBOARD_PATH, requireAdminToken(verify), serverAdapter.getRouter());
}
