import { Redis } from 'ioredis';
import type { Logger } from '../logger.ts';

/**
 * An ioredis connection for BullMQ. `maxRetriesPerRequest: null` is what BullMQ workers require
 * (a blocking command must wait through a reconnect). Producers pass `failFast`: with the
 * offline queue off, an add while Redis is down rejects at once instead of hanging, and the
 * caller (the outbox relay) keeps the event to publish later.
 */
export function createRedisConnection(url: string, logger: Logger, { failFast = false } = {}): Redis {
  const connection = new Redis(url, { maxRetriesPerRequest: null, enableOfflineQueue: !failFast });
  let down = false;
  // Without a listener an unreachable Redis would crash the process; it reconnects by itself.
  connection.on('error', (error: Error) => {
    if (!down) logger.warn({ err: error }, 'redis connection lost; reconnecting');
    down = true;
  });
  connection.on('ready', () => {
    if (down) logger.info('redis connection back');
    down = false;
  });
  return connection;
}
