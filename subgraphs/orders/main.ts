import { createLogger } from '#lib/logger';
import { stopOnSignals } from '#lib/shutdown';
import { loadOrdersConfig } from './config.ts';
import { startOrders } from './server.ts';

const config = loadOrdersConfig(process.env);
const logger = createLogger({ name: 'orders', level: config.logLevel });
const server = await startOrders(config, logger);
stopOnSignals(logger, server.stop);
