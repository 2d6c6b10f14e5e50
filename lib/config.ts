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
