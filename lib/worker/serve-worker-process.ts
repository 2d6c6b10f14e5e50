import type { Express } from 'express';
import type { Registry } from 'prom-client';
import type { Logger } from '../logger.ts';
import { stopOnSignals } from '../shutdown.ts';
import type { ReadinessCheck } from '../http/health-routes.ts';
import { startOpsServer } from '../http/start-ops-server.ts';

export interface ServeWorkerProcessOptions {
  logger: Logger;
  host: string;
  port: number;
  readiness: ReadinessCheck;
  /** The process's registry, served at /metrics on the ops port. */
  metrics?: Registry;
  mount?: (app: Express) => void;
  /**
   * Run in order on SIGTERM or SIGINT: workers first (each waits for its in-flight jobs), then
   * producers, then the database, so a job that is finishing can still write and publish.
   */
  shutdown: readonly (() => Promise<void>)[];
  /** Longer than the slowest job, so a graceful stop does not cut one short. */
  gracePeriodMs?: number;
}

/** Serves a worker process's health routes and stops its parts in order on a signal. */
export async function serveWorkerProcess(options: ServeWorkerProcessOptions): Promise<void> {
  const ops = await startOpsServer(options);
  stopOnSignals(
    options.logger,
    async () => {
      ops.startDraining();
      for (const stop of options.shutdown) await stop();
      await ops.stop();
    },
    options.gracePeriodMs ?? 60_000,
  );
}
