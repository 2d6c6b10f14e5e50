import { z } from 'zod';
import {
  jwtEnvSchema,
  logLevelSchema,
  nodeEnvSchema,
  parseEnv,
  portSchema,
  requireRealSecretInProduction,
} from '#lib/config';
import { SUBGRAPHS } from '#subgraphs/registry';

const urlSchema = z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' });

/** Reads the router's settings from the environment once, at start-up. */
export function loadRouterConfig(env: Record<string, string | undefined>) {
  const schema = z
    .object({
      NODE_ENV: nodeEnvSchema,
      LOG_LEVEL: logLevelSchema,
      HOST: z.string().default('127.0.0.1'),
      ROUTER_PORT: portSchema(4000),
      SUPERGRAPH_PATH: z.string().default('schema/supergraph.graphql'),
      MAX_REQUEST_BODY: z.string().default('200kb'),
    })
    .extend(jwtEnvSchema.shape)
    .superRefine(requireRealSecretInProduction);
  const parsed = parseEnv(schema, env);
  // A URL set for a subgraph replaces the one composition recorded, e.g. a container's host name.
  const overrides = parseEnv(
    z.object(Object.fromEntries(SUBGRAPHS.map(({ envPrefix }) => [`${envPrefix}_URL`, urlSchema.optional()]))),
    env,
  );
  const subgraphUrls: Record<string, string> = {};
  for (const { name, envPrefix } of SUBGRAPHS) {
    const url = overrides[`${envPrefix}_URL`];
    if (url) subgraphUrls[name] = url;
  }
  return {
    nodeEnv: parsed.NODE_ENV,
    logLevel: parsed.LOG_LEVEL,
    host: parsed.HOST,
    port: parsed.ROUTER_PORT,
    supergraphPath: parsed.SUPERGRAPH_PATH,
    maxRequestBody: parsed.MAX_REQUEST_BODY,
    subgraphUrls,
    tokens: { secret: parsed.JWT_SECRET, issuer: parsed.JWT_ISSUER, audience: parsed.JWT_AUDIENCE },
  };
}

export type RouterConfig = ReturnType<typeof loadRouterConfig>;
