import cluster from 'node:cluster';
import { createLogger } from '#lib/logger';
import { stopOnSignals } from '#lib/shutdown';
import { loadRouterConfig } from './config.ts';
import { startRouter } from './server.ts';
import { superviseWorkers } from './workers.ts';

const config = loadRouterConfig(process.env);
const logger = createLogger({ name: 'router', level: config.logLevel });
if (config.workers > 1 && cluster.isPrimary) {
  superviseWorkers(config.workers, logger);
} else {
  const router = await startRouter(config, logger);
  stopOnSignals(logger, router.stop);
}
