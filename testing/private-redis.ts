import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { freePort } from '#system/free-port';

/**
 * A redis-server of the test's own, on its own port, that the test can stop and start again (a
 * shared Redis must never be stopped by a test). Without persistence by default, so a restart
 * comes back empty; `persistent` keeps an append-only file in a temporary directory, as a
 * production Redis for BullMQ must, so a restart comes back with its jobs. `dispose` stops it and
 * removes that directory.
 */
export async function startPrivateRedis({ persistent = false } = {}) {
  const port = await freePort();
  const dir = persistent ? await mkdtemp(join(tmpdir(), 'private-redis-')) : undefined;
  const persistence = dir ? ['--appendonly', 'yes', '--dir', dir] : ['--appendonly', 'no'];
  let child: ChildProcess | null = null;
  const start = async () => {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', ...persistence], {
      stdio: 'ignore',
    });
    for (let tries = 0; tries < 100; tries += 1) {
      const probe = new Redis(port, '127.0.0.1', {
        lazyConnect: true,
        maxRetriesPerRequest: 0,
        retryStrategy: () => null,
      });
      // Refused connections while the server starts are expected; connect() reports them.
      probe.on('error', () => undefined);
      const up = await probe.connect().then(
        () => probe.ping(),
        () => null,
      );
      probe.disconnect();
      if (up === 'PONG') return;
      await sleep(50);
    }
    throw new Error(`redis-server did not start on ${port}`);
  };
  const stop = async () => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGTERM');
    await exited;
  };
  const dispose = async () => {
    await stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  };
  await start();
  return { url: `redis://127.0.0.1:${port}`, start, stop, dispose };
}

export type PrivateRedis = Awaited<ReturnType<typeof startPrivateRedis>>;
