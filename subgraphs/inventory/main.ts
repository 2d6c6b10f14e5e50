import { createLogger } from '#lib/logger';
import { stopOnSignals } from '#lib/shutdown';
import { loadInventoryConfig } from './config.ts';
import { startInventory } from './server.ts';

const config = loadInventoryConfig(process.env);
const logger = createLogger({ name: 'inventory', level: config.logLevel });
const server = await startInventory(config, logger);
stopOnSignals(logger, server.stop);
