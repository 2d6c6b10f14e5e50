import { createLogger } from '#lib/logger';
import { stopOnSignals } from '#lib/shutdown';
import { loadPaymentsConfig } from './config.ts';
import { startPayments } from './server.ts';

const config = loadPaymentsConfig(process.env);
const logger = createLogger({ name: 'payments', level: config.logLevel });
const server = await startPayments(config, logger);
stopOnSignals(logger, server.stop);
