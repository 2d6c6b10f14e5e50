import type { RequestHandler } from 'express';
import { Histogram, type Registry } from 'prom-client';

/**
 * Times every HTTP request from arrival to the last byte of the response. The route label is the
 * mounted path a request matched, or `other` for unknown paths, so a scanner cannot grow the
 * number of series without bound.
 */
export function httpMetricsMiddleware(registry: Registry, routes: readonly string[]): RequestHandler {
  const known = new Set(routes);
  const duration = new Histogram({
    name: 'http_server_request_duration_seconds',
    help: 'Time from receiving an HTTP request to finishing its response, by method, route and status code.',
    labelNames: ['method', 'route', 'status_code'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  return (req, res, next) => {
    // Read now: a mounted router rewrites req.url while it handles the request.
    const route = known.has(req.path) ? req.path : 'other';
    const stopTimer = duration.startTimer({ method: req.method, route });
    res.once('finish', () => {
      stopTimer({ status_code: String(res.statusCode) });
    });
    next();
  };
}
