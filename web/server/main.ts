import { createLogger } from '#lib/logger';
import { stopOnSignals } from '#lib/shutdown';
import { loadStorefrontConfig } from './config.ts';
import { startStorefront } from './start-storefront.ts';

const config = loadStorefrontConfig(process.env);
const logger = createLogger({ name: 'storefront', level: config.logLevel });
const storefront = await startStorefront(config, logger);
stopOnSignals(logger, storefront.stop);
