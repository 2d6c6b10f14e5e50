import { resolve } from 'node:path';
import { z } from 'zod';
import { logLevelSchema, nodeEnvSchema, parseEnv, portSchema } from '#lib/config';
import { PROJECT_ROOT } from '#system/project-root';

/** Reads the storefront server's settings from the environment once, at start-up. */
export function loadStorefrontConfig(env: Record<string, string | undefined>) {
  const parsed = parseEnv(
    z.object({
      NODE_ENV: nodeEnvSchema,
      LOG_LEVEL: logLevelSchema,
      HOST: z.string().default('127.0.0.1'),
      STOREFRONT_PORT: portSchema(4080),
      /**
       * The router as the browser reaches it (its CORS_ORIGINS must name this server's origin); the
       * launcher passes the router's own URL as ROUTER_URL, used when this is unset.
       */
      STOREFRONT_ROUTER_URL: z.url({ protocol: /^https?$/ }).optional(),
      ROUTER_URL: z.url({ protocol: /^https?$/ }).default('http://localhost:4000/graphql'),
      STOREFRONT_DIST: z.string().default(resolve(PROJECT_ROOT, 'web/dist')),
    }),
    env,
  );
  return {
    nodeEnv: parsed.NODE_ENV,
    logLevel: parsed.LOG_LEVEL,
    host: parsed.HOST,
    port: parsed.STOREFRONT_PORT,
    routerUrl: parsed.STOREFRONT_ROUTER_URL ?? parsed.ROUTER_URL,
    distDir: parsed.STOREFRONT_DIST,
  };
}

export type StorefrontConfig = ReturnType<typeof loadStorefrontConfig>;
