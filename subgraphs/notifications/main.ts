import { createLogger } from '#lib/logger';
import { stopOnSignals } from '#lib/shutdown';
import { loadNotificationsConfig } from './config.ts';
import { startNotifications } from './server.ts';

const config = loadNotificationsConfig(process.env);
const logger = createLogger({ name: 'notifications', level: config.logLevel });
const server = await startNotifications(config, logger);
stopOnSignals(logger, server.stop);
