import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Registry } from 'prom-client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '#lib/logger';
import { QueueName } from '#lib/queue/queue-names';
import { startWorker } from '#lib/queue/start-worker';
import { startPrivateRedis } from '#testing/private-redis';

describe('a worker while Redis is away', () => {
  afterEach(() => vi.restoreAllMocks());

  it('reports connection errors through its logger, never raw on stderr', async () => {
    const redis = await startPrivateRedis();
    const lines: string[] = [];
    const logger = createLogger({
      name: 'test-worker',
      level: 'debug',
      destination: { write: (line: string) => lines.push(line) },
    });
    const running = startWorker({
      queue: QueueName.Payments,
      settings: { redisUrl: redis.url, prefix: `test-${randomUUID()}`, attempts: 1, backoffMs: 10, lockMs: 1_000 },
      concurrency: 1,
      logger,
      processors: {
        charge: async () => undefined,
        'cancel-payment': async () => undefined,
        'refund-payment': async () => undefined,
      },
      metrics: new Registry(),
    });
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await running.worker.waitUntilReady();
    await redis.stop();
    await sleep(1_500);
    const rawErrors = consoleError.mock.calls.length;
    await redis.start();
    // A worker closes only once it is connected again (its blocking read must end).
    for (let tries = 0; tries < 100 && !lines.some((line) => line.includes('redis connection back')); tries += 1) {
      await sleep(100);
    }
    await running.close();
    await redis.dispose();
    expect(rawErrors).toBe(0);
    expect(lines.some((line) => line.includes('ECONNREFUSED'))).toBe(true);
  }, 30_000);
});
