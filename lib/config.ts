import { z } from 'zod';

/** Thrown when the environment does not describe a runnable process. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * Validates an environment against a schema once at start-up, so a process with a wrong setting
 * fails before it listens, naming every bad variable at once rather than the first it tripped on.
 */
export function parseEnv<T extends z.ZodType>(schema: T, env: Record<string, string | undefined>): z.infer<T> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join('.') || '(env)'}: ${issue.message}`);
  throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
}

export const nodeEnvSchema = z.enum(['development', 'test', 'production']).default('development');
export type NodeEnv = z.infer<typeof nodeEnvSchema>;

export const logLevelSchema = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info');

export const portSchema = (fallback: number) => z.coerce.number().int().min(0).max(65_535).default(fallback);

export const postgresUrlSchema = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .refine((value) => /^postgres(ql)?:\/\//.test(value), 'must be a postgresql:// URL');

/** A development-only fallback secret: production must set its own. */
export const DEVELOPMENT_JWT_SECRET = 'development-only-secret-change-me-0123456789';

/** Token settings shared by the issuer (accounts) and every verifier (router, subgraphs). */
export const jwtEnvSchema = z.object({
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').default(DEVELOPMENT_JWT_SECRET),
  JWT_ISSUER: z.string().min(1).default('commerce-accounts'),
  JWT_AUDIENCE: z.string().min(1).default('commerce-supergraph'),
});

/** Rejects the development fallback secret outside development and tests. */
export function requireRealSecretInProduction(
  env: { NODE_ENV: NodeEnv; JWT_SECRET: string },
  ctx: z.RefinementCtx<{ NODE_ENV: NodeEnv; JWT_SECRET: string }>,
) {
  if (env.NODE_ENV === 'production' && env.JWT_SECRET === DEVELOPMENT_JWT_SECRET) {
    ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'must be set in production' });
  }
}
