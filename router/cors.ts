import type { RequestHandler } from 'express';
import { ErrorCode } from '#lib/errors';

const ALLOWED_HEADERS = 'authorization, content-type, apollo-require-preflight, x-apollo-operation-name, x-request-id';

/**
 * CORS for the browser apps allowed to call the router, by exact origin (the storefront's):
 * their requests get `Access-Control-Allow-Origin` with their own origin and their preflights are
 * answered; any other origin gets no CORS headers, so a browser keeps the answer from its page,
 * and its preflight is refused. No credentials: clients send a bearer token, not cookies.
 */
export function corsFor(origins: readonly string[]): RequestHandler {
  const allowed = new Set(origins);
  return (req, res, next) => {
    res.vary('Origin');
    const origin = req.header('origin');
    const preflight = req.method === 'OPTIONS' && req.header('access-control-request-method') !== undefined;
    if (!origin || !allowed.has(origin)) {
      if (preflight) {
        // A coded GraphQL-shaped answer, like every other refusal the router gives.
        return void res.status(403).json({
          errors: [{ message: 'This origin may not call the router.', extensions: { code: ErrorCode.Forbidden } }],
        });
      }
      return next();
    }
    res.set({ 'access-control-allow-origin': origin, 'access-control-expose-headers': 'x-request-id' });
    if (!preflight) return next();
    res.set({
      'access-control-allow-methods': 'GET, POST',
      'access-control-allow-headers': ALLOWED_HEADERS,
      'access-control-max-age': '600',
    });
    res.sendStatus(204);
  };
}
