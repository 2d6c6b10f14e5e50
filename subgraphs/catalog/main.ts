import { createLogger } from '#lib/logger';
import { stopOnSignals } from '#lib/shutdown';
import { loadCatalogConfig } from './config.ts';
import { startCatalog } from './server.ts';

const config = loadCatalogConfig(process.env);
const logger = createLogger({ name: 'catalog', level: config.logLevel });
const server = await startCatalog(config, logger);
stopOnSignals(logger, server.stop);
