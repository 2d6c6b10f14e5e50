import { once } from 'node:events';
import type { Request } from 'express';
import type { Logger } from '#lib/logger';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { ErrorCode, userError } from '#lib/errors';
import type { Viewer } from '#lib/auth/viewer';
import type { RouterConfig } from '../config.ts';

type RateLimitSettings = RouterConfig['rateLimit'];

/**
 * Counts operations per client in Redis, so every router replica draws on one budget: a signed-in
 * caller by user id, an anonymous one by IP address. A batch costs one point per operation. If
 * Redis is unreachable, each replica falls back to counting in its own memory rather than failing
 * open or refusing everyone. Every answer carries the IETF draft RateLimit-* headers.
 */
export function createRateLimit(settings: RateLimitSettings, redis: Redis) {
  const options = { points: settings.points, duration: settings.durationSeconds, keyPrefix: settings.keyPrefix };
  const limiter = new RateLimiterRedis({
    ...options,
    storeClient: redis,
    rejectIfRedisNotReady: true,
    insuranceLimiter: new RateLimiterMemory(options),
  });

  const setHeaders = (req: Request, state: RateLimiterRes) => {
    req.res?.setHeader('RateLimit-Limit', settings.points);
    req.res?.setHeader('RateLimit-Remaining', state.remainingPoints);
    req.res?.setHeader('RateLimit-Reset', Math.ceil(state.msBeforeNext / 1000));
  };

  return async (req: Request, viewer: Viewer | null): Promise<void> => {
    const key = viewer ? `user:${viewer.userId}` : `ip:${req.ip ?? 'unknown'}`;
    const operations = Array.isArray(req.body) ? Math.max(req.body.length, 1) : 1;
    try {
      setHeaders(req, await limiter.consume(key, operations));
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      setHeaders(req, rejection);
      const retryAfter = Math.ceil(rejection.msBeforeNext / 1000);
      req.res?.setHeader('Retry-After', retryAfter);
      throw userError(
        ErrorCode.RateLimited,
        `Too many requests: the limit is ${settings.points} per ${settings.durationSeconds} s.`,
        {
          limit: settings.points,
          retryAfterSeconds: retryAfter,
          http: { status: 429 },
        },
      );
    }
  };
}

export type RateLimit = ReturnType<typeof createRateLimit>;

const REDIS_READY_TIMEOUT_MS = 2_000;

/**
 * Waits briefly for Redis at start-up, so the first requests are counted in the shared store
 * rather than in the memory fallback; a Redis that does not answer in time does not stop the router.
 */
export async function redisReady(redis: Redis, logger: Logger): Promise<void> {
  if (redis.status === 'ready') return;
  const ready = await Promise.race([
    once(redis, 'ready').then(() => true),
    new Promise<false>((resolve) => setTimeout(resolve, REDIS_READY_TIMEOUT_MS, false).unref()),
  ]);
  if (!ready) logger.warn('redis is not ready; rate limits are counted in memory until it is');
}
