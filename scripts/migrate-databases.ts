import { spawn } from 'node:child_process';
import { ensureDatabase } from '#lib/database/ensure-database';
import { SUBGRAPHS, subgraphDatabaseUrl, type SubgraphEntry } from '#subgraphs/registry';

export type PrismaOutput = 'inherit' | 'quiet';

/** Runs the Prisma CLI for one subgraph's schema; resolves when it exits 0. */
export function runPrisma(
  subgraph: string,
  args: string[],
  env: Record<string, string | undefined>,
  output: PrismaOutput = 'inherit',
): Promise<void> {
  const cli = 'node_modules/prisma/build/index.js';
  const child = spawn(process.execPath, [cli, ...args, '--config', `prisma/${subgraph}/prisma.config.ts`], {
    env,
    stdio: ['ignore', output === 'inherit' ? 'inherit' : 'pipe', output === 'inherit' ? 'inherit' : 'pipe'],
  });
  let captured = '';
  child.stdout?.on('data', (chunk: Buffer) => (captured += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (captured += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`prisma ${args.join(' ')} for ${subgraph} exited with ${code}\n${captured}`)),
    );
  });
}

/** Creates a subgraph's database if missing and applies every pending migration. */
export async function migrateDatabase(
  subgraph: SubgraphEntry,
  env: Record<string, string | undefined>,
  output: PrismaOutput = 'inherit',
) {
  await ensureDatabase(subgraphDatabaseUrl(subgraph, env));
  await runPrisma(subgraph.name, ['migrate', 'deploy'], env, output);
}

/** Each database belongs to one subgraph, so they migrate side by side. */
export async function migrateAllDatabases(env: Record<string, string | undefined>): Promise<void> {
  await Promise.all(SUBGRAPHS.map((subgraph) => migrateDatabase(subgraph, env)));
}
