import type { Logger } from '#lib/logger';
import { startOpsServer, type RunningOpsServer } from '#lib/http/start-ops-server';
import type { StorefrontConfig } from './config.ts';
import { mountStaticStorefront } from './static-storefront.ts';

/** Starts the storefront's HTTP server (health routes plus the built pages) and reports its port. */
export function startStorefront(config: StorefrontConfig, logger: Logger): Promise<RunningOpsServer> {
  return startOpsServer({
    logger,
    host: config.host,
    port: config.port,
    readiness: async () => ({ ready: true, checks: { routerUrl: config.routerUrl } }),
    mount: (app) => mountStaticStorefront(app, { distDir: config.distDir, routerUrl: config.routerUrl }),
  });
}
