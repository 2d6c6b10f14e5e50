import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export interface ServiceProcess {
  name: string;
  child: ChildProcess;
  port: number;
  /** Resolves with the exit code (or signal) once the process has ended. */
  exited: Promise<number | NodeJS.Signals>;
}

export interface SpawnServiceOptions {
  name: string;
  /** A TypeScript entry point, run through tsx. */
  entry: string;
  env: Record<string, string | undefined>;
  /** Receives every line the process prints on stdout and stderr. */
  onLine: (line: string) => void;
  startTimeoutMs?: number;
  /** Extra node flags before the entry, e.g. `--cpu-prof` (which NODE_OPTIONS refuses). */
  nodeArgs?: string[];
}

interface ListeningMessage {
  event: 'listening';
  port: number;
}

/** Loaded before every service's entry, so tracing can hook module loading (a no-op unless configured). */
export const TRACING_REGISTER = fileURLToPath(new URL('../tracing/register.ts', import.meta.url));

const isListening = (message: unknown): message is ListeningMessage =>
  typeof message === 'object' && message !== null && (message as ListeningMessage).event === 'listening';

/**
 * Starts one of the project's services as its own process and resolves once it reports over IPC
 * that it listens, with the port it bound; so callers can ask for port 0 and learn the real one.
 */
export function spawnService(options: SpawnServiceOptions): Promise<ServiceProcess> {
  // Generous: on a loaded two-core machine a process with tracing can take well over 10 s to load.
  const timeoutMs = options.startTimeoutMs ?? 60_000;
  const child = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), '--import', 'tsx', '--import', TRACING_REGISTER, options.entry],
    {
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    },
  );
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
