import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { logLevelSchema, nodeEnvSchema, parseEnv, portSchema } from '#lib/config';

/** Reads the storefront server's settings from the environment once, at start-up. */
export function loadStorefrontConfig(env: Record<string, string | undefined>) {
  const parsed = parseEnv(
    z.object({
      NODE_ENV: nodeEnvSchema,
      LOG_LEVEL: logLevelSchema,
      HOST: z.string().default('127.0.0.1'),
      STOREFRONT_PORT: portSchema(4080),
      /** The router as the browser reaches it; must list this server's origin in its CORS_ORIGINS. */
      STOREFRONT_ROUTER_URL: z.url({ protocol: /^https?$/ }).default('http://localhost:4000/graphql'),
      STOREFRONT_DIST: z.string().default(fileURLToPath(new URL('../dist', import.meta.url))),
    }),
    env,
  );
  return {
    nodeEnv: parsed.NODE_ENV,
    logLevel: parsed.LOG_LEVEL,
    host: parsed.HOST,
    port: parsed.STOREFRONT_PORT,
    routerUrl: parsed.STOREFRONT_ROUTER_URL,
    distDir: parsed.STOREFRONT_DIST,
  };
}

export type StorefrontConfig = ReturnType<typeof loadStorefrontConfig>;
