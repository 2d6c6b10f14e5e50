import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express } from 'express';
import type { Registry } from 'prom-client';
import type { Logger } from '../logger.ts';
import { mountHealthRoutes, type ReadinessCheck } from './health-routes.ts';
import { jsonErrorHandler } from './json-error-handler.ts';

export interface OpsServerOptions {
  logger: Logger;
  host: string;
  port: number;
  readiness: ReadinessCheck;
  metrics?: Registry;
  /** Adds routes of the process's own (a dashboard) before the error handler. */
  mount?: (app: Express) => void;
}

export interface RunningOpsServer {
  port: number;
  /** Readiness answers 503 from now on, while the process finishes its work before `stop`. */
  startDraining(): void;
  stop(): Promise<void>;
}

/**
 * The small HTTP side of a process that serves no GraphQL (a worker, the fake payment gateway):
 * health routes, metrics, and whatever the process mounts. Reports the bound port to a
 * supervising parent over IPC, as the GraphQL servers do.
 */
export async function startOpsServer(options: OpsServerOptions): Promise<RunningOpsServer> {
  const app = express();
  app.disable('x-powered-by');
  const health = mountHealthRoutes(app, options.readiness);
  const { metrics } = options;
  if (metrics) {
    app.get('/metrics', async (_req, res) => {
      res.type(metrics.contentType).send(await metrics.metrics());
    });
  }
  options.mount?.(app);
  app.use(jsonErrorHandler(options.logger));
  const server = http.createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  options.logger.info({ port }, 'listening');
  process.send?.({ event: 'listening', port });
  return {
    port,
    startDraining: health.startDraining,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
