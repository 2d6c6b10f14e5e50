/**
 * `npm run chaos [-- --duration 100 --users 20 --think-ms 100 --fault-seconds 5 --settle-seconds 90
 * --recovery-bound-seconds 2 --logs chaos.log]`:
 * starts a private system (fresh databases, the checkout workers, its own persistent Redis on a
 * free port), runs the Black Friday load against it while killing and restarting in turn the
 * inventory subgraph, the payments worker and Redis, and cutting the orders database's
 * connections; then waits for every accepted order to settle and reconciles orders, stock,
 * payments, gateway captures and notifications from the databases. Exits 1 on any mismatch, or when
 * a repair took longer than the bound to give a second without errors.
 */
import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { startPrivateSystem } from '#system/private-system';
import { createTemplateDatabases } from '#system/template-databases';
import { startPrivateRedis } from '#testing/private-redis';
import { chaosOptions } from './chaos/chaos-options.ts';
import { runChaos } from './chaos/run-chaos.ts';

/**
 * Production-like queue settings, shortened where a run of minutes must see recovery: a killed
 * worker's jobs are taken over after 5 s (QUEUE_LOCK_MS), and 8 attempts from 250 ms ride out
 * faults of several seconds. Orders gets the connections 20 shoppers need (see CHECKOUT_TEST_ENV).
 */
const CHAOS_ENV = {
  LOG_LEVEL: 'warn',
  ORDERS_DB_POOL_SIZE: '20',
  QUEUE_LOCK_MS: '5000',
  QUEUE_BACKOFF_MS: '250',
  OUTBOX_MAX_BACKOFF_MS: '2000',
};
// Each resource is released by the block that acquired it, whatever fails after it.
try {
  const options = chaosOptions(process.argv.slice(2));
  const redis = await startPrivateRedis({ persistent: true });
  try {
    const { templates, drop } = await createTemplateDatabases(`chaos${randomUUID().slice(0, 4)}`);
    try {
      const system = await startPrivateSystem({
        label: 'chaos',
        background: true,
        replicas: options.replicas,
        templates,
        env: { ...CHAOS_ENV, REDIS_URL: redis.url },
      });
      try {
        if (!(await runChaos(system, redis, options, (line) => console.log(line)))) {
          console.error(
            system.logs
              .filter((line) => /"level":(50|60)/.test(line))
              .slice(-20)
              .join('\n'),
          );
          process.exitCode = 1;
        }
      } finally {
        await system.stop();
        if (options.logsFile) await writeFile(options.logsFile, `${system.logs.join('\n')}\n`);
      }
    } finally {
      await drop();
    }
  } finally {
    await redis.dispose();
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
