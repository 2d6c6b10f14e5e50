import cluster, { type Worker } from 'node:cluster';
import type { Logger } from '#lib/logger';

interface ListeningMessage {
  event: 'listening';
  port: number;
}

const isListening = (message: unknown): message is ListeningMessage =>
  typeof message === 'object' && message !== null && (message as ListeningMessage).event === 'listening';

/**
 * Runs the router as `count` processes sharing one port (node:cluster; the primary hands out
 * connections round-robin), so it uses every core. What must be shared lives in Redis: the
 * rate-limit counters and the persisted queries. The primary only supervises: it reports the port
 * once every worker listens, replaces a worker that dies, and on SIGTERM or SIGINT passes the
 * signal on and exits once every worker has drained. Each worker serves its own /metrics.
 */
export function superviseWorkers(count: number, logger: Logger): void {
  let stopping = false;
  const listening = new Set<number>();
  const fork = (): Worker => {
    const worker = cluster.fork();
    worker.on('message', (message: unknown) => {
      if (!isListening(message) || listening.has(worker.id)) return;
      listening.add(worker.id);
      // Reported once, as a single-process router would: the port every worker shares.
      if (listening.size === count) process.send?.(message);
    });
    return worker;
  };
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    logger.error({ workerPid: worker.process.pid, code, signal }, 'router worker exited; starting another');
    fork();
  });
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, workers: count }, 'shutting down the router workers');
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  for (let i = 0; i < count; i += 1) fork();
}
