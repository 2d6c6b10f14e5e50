import type { ApolloServerOptions, BaseContext } from '@apollo/server';
import type { Redis } from 'ioredis';
import type { Logger } from '#lib/logger';
import { BoundedMap } from '#lib/bounded-map';

type PersistedQueryCache = NonNullable<
  Exclude<ApolloServerOptions<BaseContext>['persistedQueries'], false | undefined>['cache']
>;

/** Most operation texts each process also keeps in its own memory. */
const LOCAL_ENTRIES = 5_000;

/**
 * Apollo's automatic-persisted-query store in Redis, so an operation registered through one router
 * process (or replica) is known to every other. Entries are addressed by the hash of their text,
 * so they never change: each process also keeps the ones it has seen in a bounded local map and
 * asks Redis only for the others. If Redis is away, a lookup misses (the client then sends the
 * full text, as APQ clients do) and a registration is skipped; neither fails the request.
 */
export function redisApqCache(redis: Redis, keyPrefix: string, logger: Logger): PersistedQueryCache {
  const local = new BoundedMap<string, string>(LOCAL_ENTRIES);
  const redisKey = (key: string) => `${keyPrefix}:${key}`;
  return {
    async get(key) {
      const known = local.get(key);
      if (known !== undefined) return known;
      try {
        const value = await redis.get(redisKey(key));
        if (value !== null) local.set(key, value);
        return value ?? undefined;
      } catch (error) {
        logger.warn({ err: error }, 'persisted query lookup failed; the client will send the full text');
        return undefined;
      }
    },
    async set(key, value, options) {
      local.set(key, value);
      try {
        if (options?.ttl) await redis.set(redisKey(key), value, 'EX', options.ttl);
        else await redis.set(redisKey(key), value);
      } catch (error) {
        logger.warn({ err: error }, 'persisted query not stored in redis');
      }
    },
    async delete(key) {
      local.delete(key);
      try {
        return (await redis.del(redisKey(key))) > 0;
      } catch {
        return false;
      }
    },
  };
}
