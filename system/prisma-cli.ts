import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { PROJECT_ROOT } from './project-root.ts';

export type PrismaOutput = 'inherit' | 'quiet';

/** Runs the Prisma CLI for one subgraph's schema; resolves when it exits 0. */
export function runPrisma(
  subgraph: string,
  args: string[],
  env: Record<string, string | undefined>,
  output: PrismaOutput = 'inherit',
): Promise<void> {
  const cli = resolve(PROJECT_ROOT, 'node_modules/prisma/build/index.js');
  const config = resolve(PROJECT_ROOT, `prisma/${subgraph}/prisma.config.ts`);
  const child = spawn(process.execPath, [cli, ...args, '--config', config], {
    cwd: PROJECT_ROOT,
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
