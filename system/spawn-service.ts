import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { DIST_DIR, PROJECT_ROOT } from './project-root.ts';

/**
 * How a process runs: `compiled` is plain `node` on the build's JavaScript under `dist/` (what
 * `npm start`, the tests and production run), `source` runs the TypeScript through tsx (`npm run dev`).
 */
export type Runtime = 'compiled' | 'source';

export interface ServiceProcess {
  name: string;
  child: ChildProcess;
  port: number;
  /** Resolves with the exit code (or signal) once the process has ended. */
  exited: Promise<number | NodeJS.Signals>;
}

export interface SpawnServiceOptions {
  name: string;
  /** The TypeScript entry point relative to the project root (`router/main.ts`). */
  entry: string;
  env: Record<string, string | undefined>;
  /** Receives every line the process prints on stdout and stderr. */
  onLine: (line: string) => void;
  runtime?: Runtime;
  /** Extra flags for this one `node` (e.g. `--cpu-prof`), before the entry point. */
  nodeFlags?: readonly string[];
  startTimeoutMs?: number;
}

/** Where every process of the project keeps its compile cache, unless NODE_COMPILE_CACHE says otherwise. */
export const COMPILE_CACHE_DIR = resolve(PROJECT_ROOT, 'node_modules/.cache/node-compile-cache');

interface ListeningMessage {
  event: 'listening';
  port: number;
}

const isListening = (message: unknown): message is ListeningMessage =>
  typeof message === 'object' && message !== null && (message as ListeningMessage).event === 'listening';

/**
 * The `node` arguments that run an entry point. The tracing hook is loaded before the entry, so it
 * can hook module loading (a no-op unless an OTLP endpoint is configured).
 */
export function nodeArguments(entry: string, runtime: Runtime, nodeFlags: readonly string[] = []): string[] {
  if (runtime === 'source') {
    return [...nodeFlags, '--import', 'tsx', '--import', resolve(PROJECT_ROOT, 'lib/tracing/register.ts'), entry];
  }
  const compiled = (path: string) => resolve(DIST_DIR, path.replace(/\.ts$/, '.js'));
  return ['--enable-source-maps', ...nodeFlags, '--import', compiled('lib/tracing/register.ts'), compiled(entry)];
}

/**
 * Starts one of the project's services as its own process (working directory: the project root)
 * and resolves once it reports over IPC that it listens, with the port it bound; so callers can ask
 * for port 0 and learn the real one.
 */
export function spawnService(options: SpawnServiceOptions): Promise<ServiceProcess> {
  // Generous: on a loaded two-core machine a process with tracing can take well over 10 s to load.
  const timeoutMs = options.startTimeoutMs ?? 60_000;
  const args = nodeArguments(options.entry, options.runtime ?? 'compiled', options.nodeFlags);
  const child = spawn(process.execPath, args, {
    cwd: PROJECT_ROOT,
    // V8's compiled code for every module is kept on disk and reused by the next start (Node 22.1+):
    // loading Apollo, Prisma, BullMQ and the rest is most of a process's start-up.
    env: { NODE_COMPILE_CACHE: COMPILE_CACHE_DIR, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const exited = new Promise<number | NodeJS.Signals>((resolve) => {
    child.once('exit', (code, signal) => resolve(signal ?? code ?? 0));
  });
  createInterface({ input: child.stdout! }).on('line', options.onLine);
  createInterface({ input: child.stderr! }).on('line', options.onLine);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${options.name} did not start within ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('message', (message) => {
      if (!isListening(message)) return;
      clearTimeout(timer);
      resolve({ name: options.name, child, port: message.port, exited });
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${options.name} exited with ${code} before it was listening`));
    });
  });
}

/** Asks the process to stop and waits; kills it if it has not stopped within the grace period. */
export async function stopService(service: ServiceProcess, graceMs = 10_000): Promise<void> {
  if (service.child.exitCode !== null || service.child.signalCode !== null) return;
  service.child.kill('SIGTERM');
  const timer = setTimeout(() => service.child.kill('SIGKILL'), graceMs);
  await service.exited;
  clearTimeout(timer);
}
