import { createHash } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Redis } from 'ioredis';
import { Counter, type Registry } from 'prom-client';
import type { Logger } from '#lib/logger';
import type { ResponseCacheConfig } from './response-cache-config.ts';
import { isQueryRequest, privateFor, publicMaxAge } from './cache-policy.ts';
import { decodeAnswer, encodeAnswer, expiresAt, LocalAnswers, type CachedAnswer } from './cached-answer.ts';

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
 * costs one hash and a map lookup (or one Redis GET), instead of Apollo's request pipeline and
 * context (token verification, identity signing, rate-limit round trip). Hits are not rate
 * limited; they cost less than the limiter's own Redis call would.
 *
 * Redis is the store every replica shares; in front of it each process keeps its own copy of an
 * answer for `localMs` (1 s), never past the answer's max-age, so a hot answer costs no Redis round
 * trip (on loopback, the socket writes of a GET were most of a hit's CPU). The bytes are kept as
 * sent and written as they are. Concurrent misses of one key share one GET.
 *
 * Refresh ahead: a hit on an answer with less than `refreshAheadMs` of its max-age left sends the
 * same body to this router again, anonymous and with `Cache-Control: no-cache` (one at a time per
 * key and process), so a hot entry is replaced before it expires and shoppers do not queue behind
 * the misses of every short-lived entry (product pages with stock: 5 s) expiring at once. Nothing
 * is ever served past its max-age; the refresh is an ordinary anonymous request (stored only if
 * its answer is public, rate limited as the router's own address).
 */
export function responseCache({ config, redis, logger, metrics }: ResponseCacheOptions): RequestHandler {
  const outcomes = new Counter({
    name: 'router_response_cache_requests_total',
    help: 'Requests seen by the response cache, by outcome (hit, miss, stored, bypass, error).',
    labelNames: ['outcome'],
    registers: [metrics],
  });
  const local = new LocalAnswers(config.localMs, config.localEntries);
  // Concurrent lookups of one key share one GET.
  const reading = new Map<string, Promise<CachedAnswer | null>>();
  // `v2`: the value is `encodeAnswer`'s, not the JSON an older router wrote under the bare prefix.
  const keyOf = (body: Body) =>
    `${config.keyPrefix}:v2:${createHash('sha256')
      .update(JSON.stringify([body.query, body.operationName, body.variables, body.extensions]))
      .digest('base64url')}`;

  const read = (key: string): Promise<CachedAnswer | null> => {
    const pending = reading.get(key);
    if (pending) return pending;
    const fetched = redis
      .getBuffer(key)
      .then((value) => (value ? decodeAnswer(value) : null))
      .finally(() => reading.delete(key));
    reading.set(key, fetched);
    return fetched;
  };

  const store = (key: string, body: string, maxAge: number) => {
    const answer: CachedAnswer = { body: Buffer.from(body), maxAge, storedAt: Date.now() };
    local.set(key, answer, answer.storedAt);
    redis.set(key, encodeAnswer(answer), 'PX', maxAge * 1000).then(
      () => outcomes.inc({ outcome: 'stored' }),
      (error: unknown) => {
        outcomes.inc({ outcome: 'error' });
        logger.debug({ err: error }, 'response cache write failed');
      },
    );
  };

  const refreshing = new Set<string>();
  const refreshAhead = (req: Request, key: string, answer: CachedAnswer, now: number) => {
    if (config.refreshAheadMs <= 0 || expiresAt(answer) - now > config.refreshAheadMs || refreshing.has(key)) return;
    const { localAddress, localPort } = req.socket;
    if (!localAddress || !localPort) return;
    const host = localAddress.includes(':') ? `[${localAddress}]` : localAddress;
    refreshing.add(key);
    fetch(`http://${host}:${localPort}${req.originalUrl}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'cache-control': 'no-cache' },
      body: JSON.stringify(req.body),
      signal: AbortSignal.timeout(10_000),
    })
      .then((response) => response.arrayBuffer())
      .catch((error: unknown) => logger.debug({ err: error }, 'response cache refresh failed'))
      .finally(() => refreshing.delete(key));
  };

  const serve = (res: Response, answer: CachedAnswer, now: number) => {
    const age = Math.max(Math.floor((now - answer.storedAt) / 1000), 0);
    outcomes.inc({ outcome: 'hit' });
    // res.end rather than res.send: the body is known, so no ETag hashing on the hot path.
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': answer.body.length,
      'cache-control': `max-age=${Math.max(answer.maxAge - age, 0)}, public`,
      age: String(age),
      'x-cache': 'HIT',
    });
    res.end(answer.body);
  };

  /** Calls `onSend` with the answer's body just before Apollo's answer is written. */
  const beforeSend = (res: Response, onSend: (body: string) => void) => {
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      if (typeof body === 'string') onSend(body);
      return send(body);
    };
  };

  const miss = (res: Response, next: NextFunction, key: string, body: Body) => {
    outcomes.inc({ outcome: 'miss' });
    res.setHeader('x-cache', 'MISS');
    beforeSend(res, (answer) => {
      const maxAge = publicMaxAge(res.getHeader('cache-control'));
      if (res.statusCode === 200 && maxAge !== null && isQueryRequest(body)) store(key, answer, maxAge);
    });
    next();
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
    // `Cache-Control: no-cache` from the client (a reload, a script reading its own writes): ask
    // the subgraphs, and store the fresh answer for the next caller (here and in Redis).
    if (/\bno-cache\b/i.test(req.headers['cache-control'] ?? '')) {
      local.delete(key);
      return miss(res, next, key, body);
    }
    const now = Date.now();
    const copy = local.get(key, now);
    if (copy) {
      serve(res, copy, now);
      return refreshAhead(req, key, copy, now);
    }
    read(key).then(
      (answer) => {
        const at = Date.now();
        if (answer && expiresAt(answer) > at) {
          local.set(key, answer, at);
          serve(res, answer, at);
          refreshAhead(req, key, answer, at);
          return;
        }
        miss(res, next, key, body);
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
