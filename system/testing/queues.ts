import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { ALL_QUEUES } from '#lib/queue/queue-names';

/** Opens one pipeline queue of a test system, to look at or add jobs as an outside producer would. */
export function openQueue(redisUrl: string, prefix: string, name: string, { failFast = false } = {}) {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null, enableOfflineQueue: !failFast });
  // A test may stop its private Redis first; then there is nothing left to report.
  connection.on('error', () => undefined);
  const queue = new Queue(name, { connection, prefix });
  return {
    queue,
    close: async () => {
      await queue.close();
      connection.disconnect();
    },
  };
}

/** Deletes every queue of a test system from Redis; a Redis that is already gone has nothing to clean. */
export async function removeQueues(redisUrl: string, prefix: string): Promise<void> {
  await Promise.all(
    ALL_QUEUES.map(async (name) => {
      const { queue, close } = openQueue(redisUrl, prefix, name, { failFast: true });
      try {
        await queue.obliterate({ force: true });
      } catch {
        // Redis stopped by the test itself: its keys went with it.
      } finally {
        await close();
      }
    }),
  );
}
