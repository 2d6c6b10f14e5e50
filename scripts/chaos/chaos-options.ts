import { parseArgs } from 'node:util';
import { z } from 'zod';
import { parseEnv } from '#lib/config';

/**
 * The chaos run's bounds from flags: `--duration` of the load in seconds (the four faults are
 * spread over it), `--users`, `--think-ms`, `--fault-seconds` (how long each fault lasts) and
 * `--settle-seconds` (how long accepted orders get to reach a final state afterwards),
 * `--replicas` (processes of the router and of every checkout worker, 1 by default),
 * `--recovery-bound-seconds` (the longest a repair may take to give an error-free second, 2), and
 * `--logs <file>` to keep
 * every line the system's processes printed.
 */
export function chaosOptions(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      duration: { type: 'string' },
      users: { type: 'string' },
      'think-ms': { type: 'string' },
      'fault-seconds': { type: 'string' },
      'settle-seconds': { type: 'string' },
      replicas: { type: 'string' },
      'recovery-bound-seconds': { type: 'string' },
      logs: { type: 'string' },
    },
  });
  const parsed = parseEnv(
    z
      .object({
        duration: z.coerce.number().int().min(20).max(300).default(100),
        users: z.coerce.number().int().min(1).max(200).default(20),
        thinkMs: z.coerce.number().int().min(0).max(10_000).default(100),
        faultSeconds: z.coerce.number().int().min(1).max(30).default(5),
        settleSeconds: z.coerce.number().int().min(5).max(600).default(90),
        replicas: z.coerce.number().int().min(1).max(4).default(1),
        recoveryBoundSeconds: z.coerce.number().min(0).max(60).default(2),
      })
      // Four faults, each with calm load around it.
      .refine((options) => options.duration >= 6 * options.faultSeconds, 'duration must be at least 6 fault lengths'),
    {
      duration: values.duration,
      users: values.users,
      thinkMs: values['think-ms'],
      faultSeconds: values['fault-seconds'],
      settleSeconds: values['settle-seconds'],
      replicas: values.replicas,
      recoveryBoundSeconds: values['recovery-bound-seconds'],
    },
  );
  return {
    durationMs: parsed.duration * 1000,
    users: parsed.users,
    thinkMs: parsed.thinkMs,
    faultMs: parsed.faultSeconds * 1000,
    settleMs: parsed.settleSeconds * 1000,
    replicas: parsed.replicas,
    recoveryBoundSeconds: parsed.recoveryBoundSeconds,
    logsFile: values.logs,
  };
}

export type ChaosOptions = ReturnType<typeof chaosOptions>;
