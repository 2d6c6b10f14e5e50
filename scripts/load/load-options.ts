import { parseArgs } from 'node:util';
import { z } from 'zod';
import { parseEnv } from '#lib/config';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * A run's bounds, from flags (`--duration 30 --users 20 --think-ms 100`) over the environment
 * (`LOADTEST_URL`). The caps keep a mistyped flag from turning a test into an attack, and only a
 * loopback router is accepted: this script is for the machine it runs on.
 */
export function loadOptions(argv: string[], env: Record<string, string | undefined>) {
  const { values } = parseArgs({
    args: argv,
    options: {
      duration: { type: 'string' },
      users: { type: 'string' },
      'think-ms': { type: 'string' },
      url: { type: 'string' },
    },
  });
  const { LOADTEST_URL } = parseEnv(z.object({ LOADTEST_URL: z.url().default('http://127.0.0.1:4000/graphql') }), env);
  const parsed = parseEnv(
    z.object({
      url: z.url().refine((url) => LOOPBACK_HOSTS.has(new URL(url).hostname), 'must be a loopback address'),
      duration: z.coerce.number().int().min(1).max(300).default(30),
      users: z.coerce.number().int().min(1).max(200).default(20),
      thinkMs: z.coerce.number().int().min(0).max(10_000).default(100),
    }),
    { url: values.url ?? LOADTEST_URL, duration: values.duration, users: values.users, thinkMs: values['think-ms'] },
  );
  return { url: parsed.url, durationMs: parsed.duration * 1000, users: parsed.users, thinkMs: parsed.thinkMs };
}

export type LoadOptions = ReturnType<typeof loadOptions>;
