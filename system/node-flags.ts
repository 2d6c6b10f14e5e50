const PREFIX = 'NODE_FLAGS_';

/**
 * Extra `node` flags for single processes from the environment of the launching command:
 * `NODE_FLAGS_ROUTER=--cpu-prof` becomes `{ router: ['--cpu-prof'] }`,
 * `NODE_FLAGS_PAYMENTS_WORKER='--cpu-prof --cpu-prof-dir=/tmp/prof'` the payments worker's.
 */
export function nodeFlagsFromEnv(env: Record<string, string | undefined>): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(env)
      .filter(([key, value]) => key.startsWith(PREFIX) && value?.trim())
      .map(([key, value]) => [key.slice(PREFIX.length).toLowerCase().replaceAll('_', '-'), value!.trim().split(/\s+/)]),
  );
}
