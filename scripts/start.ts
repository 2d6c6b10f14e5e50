/**
 * `npm start`: the whole system on one machine without Docker. Creates and migrates every
 * subgraph's database, starts each subgraph as its own process, then the router once they all
 * listen. Ctrl-C (or SIGTERM) stops the router first, then the subgraphs, each draining in-flight work.
 * If any process dies, everything is stopped and the script exits non-zero rather than serving half a graph.
 */
import { spawnService, stopService, type ServiceProcess } from '#lib/process/spawn-service';
import { SUBGRAPHS } from '#subgraphs/registry';
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
  const started = await Promise.allSettled(
    SUBGRAPHS.map(({ name }) => spawnService({ name, entry: `subgraphs/${name}/main.ts`, env, onLine: printLine })),
  );
  const subgraphs = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  subgraphs.forEach(supervise);
  const failure = started.find((result) => result.status === 'rejected');
  if (failure) throw failure.reason;
  const subgraphUrls = Object.fromEntries(
    SUBGRAPHS.map(({ envPrefix }, index) => [
      `${envPrefix}_URL`,
      `http://${env['HOST'] ?? '127.0.0.1'}:${subgraphs[index]?.port}/graphql`,
    ]),
  );
  const router = await spawnService({
    name: 'router',
    entry: 'router/main.ts',
    env: { ...env, ...subgraphUrls },
    onLine: printLine,
  });
  supervise(router);
  console.log(`Supergraph ready at http://localhost:${router.port}/ (Ctrl-C to stop)`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await stopAll(1);
}
