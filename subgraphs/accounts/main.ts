import { createLogger } from '#lib/logger';
import { stopOnSignals } from '#lib/shutdown';
import { loadAccountsConfig } from './config.ts';
import { startAccounts } from './server.ts';

const config = loadAccountsConfig(process.env);
const logger = createLogger({ name: 'accounts', level: config.logLevel });
const server = await startAccounts(config, logger);
stopOnSignals(logger, server.stop);
