import { createLogger } from '#lib/logger';
import { stopOnSignals } from '#lib/shutdown';
import { loadRouterConfig } from './config.ts';
import { startRouter } from './server.ts';

const config = loadRouterConfig(process.env);
const logger = createLogger({ name: 'router', level: config.logLevel });
const router = await startRouter(config, logger);
stopOnSignals(logger, router.stop);
