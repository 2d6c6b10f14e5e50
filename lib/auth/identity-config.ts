import { z } from 'zod';
import { nodeEnvSchema, parseEnv } from '../config.ts';
import type { TokenSettings } from './tokens.ts';

/** Development-only fallback secrets: production must set its own. */
export const DEVELOPMENT_JWT_SECRET = 'development-only-secret-change-me-0123456789';
export const DEVELOPMENT_ROUTER_SIGNING_SECRET = 'development-only-router-signing-secret-0123456789';

/** The key id a lone JWT_SECRET signs and verifies under. */
export const SINGLE_KEY_ID = 'default';

const secretSchema = z.string().min(32, 'must be at least 32 characters');

const keysSchema = z
  .string()
  .transform((value, ctx) => {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a JSON object of key id to secret' });
      return z.NEVER;
    }
  })
  .pipe(z.record(z.string().min(1), secretSchema).refine((keys) => Object.keys(keys).length > 0, 'needs a key'));

const identityEnvSchema = z
  .object({
    NODE_ENV: nodeEnvSchema,
    JWT_SECRET: secretSchema.optional(),
    JWT_KEYS: keysSchema.optional(),
    JWT_SIGNING_KEY_ID: z.string().min(1).optional(),
    JWT_ISSUER: z.string().min(1).default('commerce-accounts'),
    JWT_AUDIENCE: z.string().min(1).default('commerce-supergraph'),
    ROUTER_SIGNING_SECRET: secretSchema.optional(),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.JWT_KEYS && !env.JWT_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['JWT_KEYS'], message: 'JWT_KEYS or JWT_SECRET must be set in production' });
    }
    if (
      env.NODE_ENV === 'production' &&
      Object.values(env.JWT_KEYS ?? {})
        .concat(env.JWT_SECRET ?? [])
        .includes(DEVELOPMENT_JWT_SECRET)
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['JWT_SECRET'],
        message: 'the development secret cannot be used in production',
      });
    }
    if (
      env.NODE_ENV === 'production' &&
      (!env.ROUTER_SIGNING_SECRET || env.ROUTER_SIGNING_SECRET === DEVELOPMENT_ROUTER_SIGNING_SECRET)
    ) {
      ctx.addIssue({ code: 'custom', path: ['ROUTER_SIGNING_SECRET'], message: 'must be set in production' });
    }
    if (env.JWT_SIGNING_KEY_ID && !env.JWT_KEYS?.[env.JWT_SIGNING_KEY_ID]) {
      ctx.addIssue({ code: 'custom', path: ['JWT_SIGNING_KEY_ID'], message: 'must name a key in JWT_KEYS' });
    }
  });

/**
 * Reads the identity settings every process shares: the keys access tokens are signed and
 * verified with (JWT_KEYS, or a lone JWT_SECRET as key id "default"), and the secret the router
 * signs the identity it forwards to subgraphs with.
 */
export function loadIdentityConfig(env: Record<string, string | undefined>) {
  const parsed = parseEnv(identityEnvSchema, env);
  const keys = parsed.JWT_KEYS ?? { [SINGLE_KEY_ID]: parsed.JWT_SECRET ?? DEVELOPMENT_JWT_SECRET };
  // Without an explicit id the last key listed signs: rotation appends the new key.
  const signingKeyId = parsed.JWT_SIGNING_KEY_ID ?? Object.keys(keys).at(-1) ?? SINGLE_KEY_ID;
  const tokens: TokenSettings = { keys, signingKeyId, issuer: parsed.JWT_ISSUER, audience: parsed.JWT_AUDIENCE };
  return { tokens, routerSigningSecret: parsed.ROUTER_SIGNING_SECRET ?? DEVELOPMENT_ROUTER_SIGNING_SECRET };
}
