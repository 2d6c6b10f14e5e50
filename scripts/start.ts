/**
 * `npm start`: the whole system on one machine without Docker. Creates and migrates every
 * subgraph's database, starts each subgraph, checkout worker and the fake payment gateway as its
 * own process (those another depends on first, passing their URLs on), then the router once they
 * all listen. Needs Redis at REDIS_URL. Ctrl-C (or SIGTERM) stops the
 * router first, then the subgraphs, each draining in-flight work.
 * If any process dies, everything is stopped and the script exits non-zero rather than serving half a graph.
 */
import { spawnService, stopService, type ServiceProcess } from '#lib/process/spawn-service';
import { startInDependencyOrder } from '#lib/process/start-in-dependency-order';
import { BACKGROUND_PROCESSES, SUBGRAPHS } from '#subgraphs/registry';
import { migrateAllDatabases } from './migrate-databases.ts';

const env = process.env;
const running: ServiceProcess[] = [];
let stopping = false;

async function stopAll(exitCode: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  for (const service of [...running].reverse()) await stopService(service);
  process.exit(exitCode);
}

function supervise(service: ServiceProcess): void {
  running.push(service);
  void service.exited.then((code) => {
    if (stopping) return;
    console.error(`${service.name} exited unexpectedly (${code}); stopping everything.`);
    void stopAll(1);
  });
}

const printLine = (line: string) => process.stdout.write(`${line}\n`);

process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

try {
  await migrateAllDatabases(env);
  const host = env['HOST'] ?? '127.0.0.1';
  const processes = [
    ...SUBGRAPHS.map((subgraph) => ({ ...subgraph, entry: `subgraphs/${subgraph.name}/main.ts`, path: '/graphql' })),
    ...BACKGROUND_PROCESSES.map((entry) => ({ ...entry, path: '' })),
  ];
  const { urlEnv } = await startInDependencyOrder(processes, async ({ name, entry, path }, dependencyUrls) => {
    const service = await spawnService({ name, entry, env: { ...env, ...dependencyUrls }, onLine: printLine });
    supervise(service);
    return `http://${host}:${service.port}${path}`;
  });
  const router = await spawnService({
    name: 'router',
    entry: 'router/main.ts',
    env: { ...env, ...urlEnv },
    onLine: printLine,
  });
  supervise(router);
  console.log(`Supergraph ready at http://localhost:${router.port}/ (Ctrl-C to stop)`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await stopAll(1);
}
