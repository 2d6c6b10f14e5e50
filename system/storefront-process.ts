import { resolve } from 'node:path';
import { PROJECT_ROOT } from './project-root.ts';
import { spawnService, stopService, type ServiceProcess } from './spawn-service.ts';
import { STOREFRONT } from './topology.ts';

/** The storefront's operations, written by its build: what the router's safelist accepts in production. */
export const STOREFRONT_MANIFEST = resolve(PROJECT_ROOT, 'web/generated/persisted-query-manifest.json');

export interface StorefrontProcess {
  /** The storefront's origin, which the router's CORS_ORIGINS must name. */
  url: string;
  process: ServiceProcess;
  stop(): Promise<void>;
}

/**
 * Serves the built storefront (web/dist) on `port` in production mode, for a private system's
 * router at `routerUrl` (the browser tests and bench:storefront). The port is chosen before the
 * router starts because the router's CORS_ORIGINS must name this origin.
 */
export async function startStorefrontProcess(options: {
  routerUrl: string;
  port: number;
  onLine: (line: string) => void;
}): Promise<StorefrontProcess> {
  const service = await spawnService({
    name: STOREFRONT.name,
    entry: STOREFRONT.entry,
    env: {
      PATH: process.env['PATH'],
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      [`${STOREFRONT.envPrefix}_PORT`]: String(options.port),
      STOREFRONT_ROUTER_URL: options.routerUrl,
    },
    onLine: options.onLine,
  });
  return { url: `http://127.0.0.1:${options.port}`, process: service, stop: () => stopService(service) };
}
