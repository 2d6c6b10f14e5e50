import { createHash } from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import type { Redis } from 'ioredis';
import { Counter, type Registry } from 'prom-client';
import type { Logger } from '#lib/logger';
import type { ResponseCacheConfig } from './response-cache-config.ts';
import { isQueryRequest, privateFor, publicMaxAge } from './cache-policy.ts';

/** What one cached answer holds: the body as sent, its lifetime and when it was stored. */
interface Entry {
  body: string;
  maxAge: number;
  storedAt: number;
}

export interface ResponseCacheOptions {
  config: ResponseCacheConfig;
  /** Shared by every router replica; without an offline queue, so a Redis outage is a miss, not a wait. */
  redis: Redis;
  logger: Logger;
  metrics: Registry;
}

type Body = { query?: unknown; variables?: unknown; operationName?: unknown; extensions?: unknown };

const isSingleOperation = (body: unknown): body is Body =>
  typeof body === 'object' && body !== null && !Array.isArray(body);

/**
 * The router's full-response cache, as Express middleware in front of Apollo: an anonymous POST
 * whose answer Apollo marked `Cache-Control: public, max-age=N` (the combined hints of every
 * subgraph it called) is stored in Redis for N seconds, keyed by the request body, and the same
 * body is then answered from Redis without planning, signing or calling any subgraph.
 *
 * Private data cannot leak through it: a request with an Authorization header is never read
 * from or written to the cache, and only answers whose every field is PUBLIC with a positive
 * max-age are stored (anything unhinted, PRIVATE, with errors or from a mutation is not). A
 * signed-in caller's public answer is sent as `private` so a CDN keeps it for that browser only.
 *
 * Written as middleware rather than with `@apollo/server-plugin-response-cache`: a hit then
 * costs one hash and one Redis GET, instead of Apollo's request pipeline and context (token
 * verification, identity signing, rate-limit round trip). Hits are not rate limited; they cost
 * what the limiter's own Redis call would.
 */
export function responseCache({ config, redis, logger, metrics }: ResponseCacheOptions): RequestHandler {
  const outcomes = new Counter({
    name: 'router_response_cache_requests_total',
    help: 'Requests seen by the response cache, by outcome (hit, miss, stored, bypass, error).',
    labelNames: ['outcome'],
    registers: [metrics],
  });
  const keyOf = (body: Body) =>
    `${config.keyPrefix}:${createHash('sha256')
      .update(JSON.stringify([body.query, body.operationName, body.variables, body.extensions]))
      .digest('base64url')}`;

  const store = (key: string, body: string, maxAge: number) => {
    const entry: Entry = { body, maxAge, storedAt: Date.now() };
    redis.set(key, JSON.stringify(entry), 'PX', maxAge * 1000).then(
      () => outcomes.inc({ outcome: 'stored' }),
      (error: unknown) => {
        outcomes.inc({ outcome: 'error' });
        logger.debug({ err: error }, 'response cache write failed');
      },
    );
  };

  /** Calls `onSend` with the answer's body just before Apollo's answer is written. */
  const beforeSend = (res: Response, onSend: (body: string) => void) => {
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      if (typeof body === 'string') onSend(body);
      return send(body);
    };
  };

  return (req, res, next) => {
    if (!config.enabled || req.method !== 'POST' || !isSingleOperation(req.body)) return next();
    const body = req.body;
    if (req.headers.authorization !== undefined) {
      outcomes.inc({ outcome: 'bypass' });
      beforeSend(res, () => {
        const header = res.getHeader('cache-control');
        if (publicMaxAge(header) !== null) res.setHeader('cache-control', privateFor(String(header)));
      });
      return next();
    }
    const key = keyOf(body);
    redis.get(key).then(
      (cached) => {
        if (cached) {
          const entry = JSON.parse(cached) as Entry;
          const age = Math.floor((Date.now() - entry.storedAt) / 1000);
          outcomes.inc({ outcome: 'hit' });
          // res.end rather than res.send: the body is known, so no ETag hashing on the hot path.
          res.writeHead(200, {
            'content-type': 'application/json; charset=utf-8',
            'content-length': Buffer.byteLength(entry.body),
            'cache-control': `max-age=${Math.max(entry.maxAge - age, 0)}, public`,
            age: String(age),
            'x-cache': 'HIT',
          });
          res.end(entry.body);
          return;
        }
        outcomes.inc({ outcome: 'miss' });
        res.setHeader('x-cache', 'MISS');
        beforeSend(res, (answer) => {
          const maxAge = publicMaxAge(res.getHeader('cache-control'));
          if (res.statusCode === 200 && maxAge !== null && isQueryRequest(body)) store(key, answer, maxAge);
        });
        next();
      },
      (error: unknown) => {
        // Redis away: answer without the cache rather than fail.
        outcomes.inc({ outcome: 'error' });
        logger.debug({ err: error }, 'response cache read failed');
        next();
      },
    );
  };
}
