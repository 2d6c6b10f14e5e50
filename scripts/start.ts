/**
 * `npm start`: the whole system on one machine without Docker, from the build (`npm start` builds
 * first; `npm run dev` runs the TypeScript instead and restarts on changes). Checks that
 * PostgreSQL and Redis answer (and says how to start the missing one if not), creates and
 * migrates every subgraph's database, then starts every process of the topology in dependency
 * order, the router last. A process that dies is started again after a growing pause, and the
 * launcher says so. Ctrl-C (or SIGTERM) stops the router first, then everything else, each
 * draining in-flight work. `NODE_FLAGS_<PROCESS>` passes flags to one process's `node`.
 * `--exit-when-ready` stops everything once it is ready (a start-up check, and what start-up
 * time is measured with); `--source` runs the TypeScript through tsx.
 */
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { nodeFlagsFromEnv } from '#system/node-flags';
import { PROJECT_ROOT } from '#system/project-root';
import { findMissing, missingDependencyMessage } from '#system/preflight';
import type { Runtime } from '#system/spawn-service';
import { startSystem, type RunningSystem } from '#system/start-system';
import { SUBGRAPHS, subgraphDatabaseUrl } from '#system/topology';

const env = process.env;
const runtime: Runtime = process.argv.includes('--source') ? 'source' : 'compiled';
const started = Date.now();

const onPath = (command: string) =>
  (env['PATH'] ?? '').split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });

const missing = await findMissing([
  { name: 'PostgreSQL', url: subgraphDatabaseUrl(SUBGRAPHS[0]!, env) },
  { name: 'Redis', url: env['REDIS_URL'] ?? 'redis://127.0.0.1:6379' },
]);
if (missing.length) {
  console.error(missingDependencyMessage(missing, onPath('docker')));
  process.exit(1);
}

// `npm start` builds the storefront first; `npm run dev` serves it only once `npm run web:build` has run.
const storefront = existsSync(resolve(PROJECT_ROOT, 'web/dist/index.html'));
if (!storefront) console.error('[npm start] web/dist is missing: run npm run web:build to serve the storefront');

let system: RunningSystem | undefined;
let stopping = false;
const stop = async (exitCode: number) => {
  if (stopping) return;
  stopping = true;
  await system?.stop();
  process.exit(exitCode);
};
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

try {
  system = await startSystem({
    env,
    runtime,
    restartOnExit: true,
    storefront,
    nodeFlags: nodeFlagsFromEnv(env),
    onLine: (line) => process.stdout.write(`${line}\n`),
    onEvent: (message) => console.error(`[npm start] ${message}`),
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`Supergraph ready at ${system.routerUrl.replace(/graphql$/, '')} in ${seconds} s (Ctrl-C to stop)`);
  if (storefront) console.log(`Storefront at http://localhost:${system.processes['storefront']?.port}/`);
  if (process.argv.includes('--exit-when-ready')) await stop(0);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await stop(1);
}
