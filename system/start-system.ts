import { setTimeout as sleep } from 'node:timers/promises';
import { ensureDatabase } from './databases.ts';
import { migrateAllDatabases } from './migrate.ts';
import { spawnService, stopService, type Runtime, type ServiceProcess } from './spawn-service.ts';
import { startInDependencyOrder } from './start-in-dependency-order.ts';
import { STOREFRONT_MANIFEST } from './storefront-process.ts';
import {
  BACKGROUND_PROCESSES,
  ROUTER,
  STOREFRONT,
  SUBGRAPHS,
  WORKERS,
  subgraphDatabaseUrl,
  type ProcessEntry,
} from './topology.ts';
import { isWorkerReplica, workerReplicaEntries } from './worker-replicas.ts';

type Env = Record<string, string | undefined>;

export interface StartSystemOptions {
  /** The environment every process starts from; defaults to this process's. */
  env?: Env;
  /** `default`: every process on its own port (`npm start`); `free`: port 0, the bound port read back. */
  ports?: 'default' | 'free';
  /** Subgraph name to its database URL; by default `<PREFIX>_DATABASE_URL` or the local default. */
  databaseUrls?: Record<string, string>;
  /**
   * Subgraph name to a migrated template database: each database is created as a copy of it
   * (cheap, for private systems). Without it, databases are created if missing and migrated.
   */
  templates?: Record<string, string>;
  /** Also start the checkout workers and the fake payment gateway (default true). */
  background?: boolean;
  /**
   * Processes of the router and of every checkout worker (default 1), as replicas run on many
   * machines. The router runs as that many node:cluster processes on its one port
   * (`ROUTER_WORKERS`); the extra worker processes are named `<worker>-2`, ..., listen on a free
   * port, and take jobs from the same queues as the first.
   */
  replicas?: number;
  /** Also serve the built web storefront (web/dist, `npm run web:build`) after the router (default false). */
  storefront?: boolean;
  /** `compiled` (default) runs the build under `dist/`; `source` runs TypeScript through tsx. */
  runtime?: Runtime;
  /** Extra `node` flags for some processes by name, e.g. `{ router: ['--cpu-prof'] }`. */
  nodeFlags?: Record<string, readonly string[]>;
  /** Every line a process prints, with its name. */
  onLine?: (line: string, name: string) => void;
  /**
   * Start again a process that dies while the system runs, after a growing pause, and report it
   * through `onEvent` (`npm start`). Off, a dead process stays dead and `exited` tells.
   */
  restartOnExit?: boolean;
  /** The launcher's own messages: restarts, and processes that exited on their own. */
  onEvent?: (message: string) => void;
  /** Runs once the processes have stopped (private systems drop their databases here). */
  cleanup?: () => Promise<void>;
  /**
   * Processes already running elsewhere, by name, at these URLs: they are not started (nor their
   * databases readied), the others are told these URLs, and `stop` leaves them running.
   */
  running?: Record<string, string>;
}

export interface RunningSystem {
  /** The router's GraphQL endpoint. */
  routerUrl: string;
  /** Every process's URL by name (subgraphs at `/graphql`, background processes at their root). */
  urls: Record<string, string>;
  subgraphUrls: Record<string, string>;
  backgroundUrls: Record<string, string>;
  databaseUrls: Record<string, string>;
  /** The running processes by name; `restart` replaces an entry. */
  processes: Record<string, ServiceProcess>;
  /** Ends one process with `signal` and waits for it to exit (e.g. SIGKILL a worker mid-job). */
  kill(name: string, signal?: NodeJS.Signals): Promise<void>;
  /** Starts a process again with the same environment, on the port it had (the others hold its URL). */
  restart(name: string): Promise<void>;
  /** Stops the router first (no new operations), then everything else at once, each draining; then `cleanup`. */
  stop(): Promise<void>;
}

/** Restart pauses: 0.5 s, doubling to at most 30 s; a process that ran a minute starts over at 0.5 s. */
const restartDelayMs = (attempt: number) => Math.min(30_000, 500 * 2 ** attempt);
const STABLE_MS = 60_000;

/** The address other processes use to reach one that binds `host`. */
const reachableHost = (host: string | undefined) => (!host || host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host);

/**
 * Every process's URL when every port is fixed in advance (`npm start`), or undefined when some
 * process binds port 0 and others must wait to learn where it listens.
 */
function knownUrls(entries: readonly ProcessEntry[], env: Env, host: string): Record<string, string> | undefined {
  const urls: Record<string, string> = {};
  for (const entry of entries) {
    const port = Number(env[`${entry.envPrefix}_PORT`] ?? entry.defaultPort);
    // A worker replica binds a free port, known only once it listens.
    if (!port || isWorkerReplica(entry)) return undefined;
    urls[entry.name] = `http://${host}:${port}${entry.path}`;
  }
  return urls;
}

const urlEnvOf = (entries: readonly ProcessEntry[], urls: Record<string, string>) =>
  Object.fromEntries(entries.map(({ name, envPrefix }) => [`${envPrefix}_URL`, urls[name]!]));

/**
 * With every URL known no process needs to wait for another (none calls another while starting),
 * so all start at once. Every start settles before a failure is thrown, as in dependency order.
 */
async function startAllAtOnce(
  entries: readonly ProcessEntry[],
  urls: Record<string, string>,
  start: (entry: ProcessEntry) => Promise<unknown>,
): Promise<Record<string, string>> {
  const results = await Promise.allSettled(entries.map(start));
  const failure = results.find((result) => result.status === 'rejected');
  if (failure) throw failure.reason;
  return urls;
}

/**
 * Starts the system: databases ready (copied from templates, or created and migrated), then every
 * process. With fixed ports all start at once, each told every other's URL; with free ports each
 * starts as soon as what it calls listens (the router once every subgraph does), and is told the
 * URLs of those started before it. Resolves when all of them listen; if one fails to start,
 * stops the others and rejects.
 */
export async function startSystem(options: StartSystemOptions = {}): Promise<RunningSystem> {
  const baseEnv: Env = { ...(options.env ?? process.env) };
  const runtime = options.runtime ?? 'compiled';
  const onLine = options.onLine ?? (() => undefined);
  const onEvent = options.onEvent ?? (() => undefined);
  const databaseUrls = Object.fromEntries(
    SUBGRAPHS.map((subgraph) => [
      subgraph.name,
      options.databaseUrls?.[subgraph.name] ?? subgraphDatabaseUrl(subgraph, baseEnv),
    ]),
  );
  const background =
    options.background === false
      ? []
      : [...BACKGROUND_PROCESSES, ...workerReplicaEntries(WORKERS, options.replicas ?? 1)];
  const entries: ProcessEntry[] = [...SUBGRAPHS, ...background, ROUTER, ...(options.storefront ? [STOREFRONT] : [])];
  for (const subgraph of SUBGRAPHS) baseEnv[`${subgraph.envPrefix}_DATABASE_URL`] = databaseUrls[subgraph.name];
  // The router knows the storefront's operations by hash from the start: a shopper's first query
  // is answered at once instead of missing and being sent again with its text.
  if (options.storefront) baseEnv['PERSISTED_QUERIES_MANIFEST'] ??= STOREFRONT_MANIFEST;
  if (options.ports === 'free') for (const { envPrefix } of entries) baseEnv[`${envPrefix}_PORT`] = '0';
  // Only the router reads it; the workers' replicas are the entries above.
  if (options.replicas !== undefined) baseEnv['ROUTER_WORKERS'] = String(options.replicas);
  const host = reachableHost(baseEnv['HOST']);
  const running = options.running ?? {};

  const processes: Record<string, ServiceProcess> = {};
  const processEnv = new Map<string, Env>();
  const startedAt = new Map<string, number>();
  const attempts = new Map<string, number>();
  let stopping = false;

  const launch = async (entry: ProcessEntry, env: Env): Promise<ServiceProcess> => {
    const service = await spawnService({
      name: entry.name,
      entry: entry.entry,
      env,
      runtime,
      onLine: (line) => onLine(line, entry.name),
      ...(options.nodeFlags?.[entry.name] ? { nodeFlags: options.nodeFlags[entry.name] } : {}),
    });
    // Back on the same port if it is started again: the router and the others hold its URL.
    processEnv.set(entry.name, { ...env, [`${entry.envPrefix}_PORT`]: String(service.port) });
    processes[entry.name] = service;
    startedAt.set(entry.name, Date.now());
    if (options.restartOnExit) void service.exited.then((code) => superviseExit(entry, service, code));
    return service;
  };

  const superviseExit = async (entry: ProcessEntry, service: ServiceProcess, code: number | string) => {
    if (stopping || processes[entry.name] !== service) return;
    const ranMs = Date.now() - (startedAt.get(entry.name) ?? 0);
    const attempt = ranMs > STABLE_MS ? 0 : (attempts.get(entry.name) ?? 0);
    attempts.set(entry.name, attempt + 1);
    const delay = restartDelayMs(attempt);
    onEvent(`${entry.name} exited (${code}); restarting it in ${delay} ms (restart ${attempt + 1})`);
    await sleep(delay);
    if (stopping) return;
    try {
      await launch(entry, processEnv.get(entry.name)!);
      onEvent(`${entry.name} restarted on port ${processes[entry.name]!.port}`);
    } catch (error) {
      // It died again before listening: that is one more exit, with a longer pause.
      onEvent(`${entry.name} did not come back: ${error instanceof Error ? error.message : String(error)}`);
      startedAt.set(entry.name, Date.now());
      void superviseExit(entry, service, 'failed to start');
    }
  };

  const stop = async () => {
    stopping = true;
    const router = processes[ROUTER.name];
    if (router) await stopService(router);
    await Promise.all(
      Object.values(processes)
        .filter((service) => service !== router)
        .map((service) => stopService(service)),
    );
    await options.cleanup?.();
  };

  try {
    if (options.templates) {
      const templates = options.templates;
      await Promise.all(
        SUBGRAPHS.filter(({ name }) => !(name in running)).map(({ name }) =>
          ensureDatabase(databaseUrls[name]!, templates[name]),
        ),
      );
    } else if (SUBGRAPHS.some(({ name }) => !(name in running))) {
      await migrateAllDatabases(baseEnv, 'quiet');
    }
    const known = options.running ? undefined : knownUrls(entries, baseEnv, host);
    const urls = known
      ? await startAllAtOnce(entries, known, (entry) => launch(entry, { ...baseEnv, ...urlEnvOf(entries, known) }))
      : (
          await startInDependencyOrder(entries, async (entry, dependencyUrls) => {
            const elsewhere = running[entry.name];
            if (elsewhere) return elsewhere;
            // A replica cannot share its worker's fixed port; it reports the one it bound instead.
            const port = isWorkerReplica(entry) ? { [`${entry.envPrefix}_PORT`]: '0' } : {};
            const service = await launch(entry, { ...baseEnv, ...dependencyUrls, ...port });
            return `http://${host}:${service.port}${entry.path}`;
          })
        ).urls;
    const pick = (list: readonly ProcessEntry[]) =>
      Object.fromEntries(list.filter(({ name }) => name in urls).map(({ name }) => [name, urls[name]!]));
    return {
      routerUrl: urls[ROUTER.name]!,
      urls,
      subgraphUrls: pick(SUBGRAPHS),
      backgroundUrls: pick(background),
      databaseUrls,
      processes,
      async kill(name, signal = 'SIGTERM') {
        const service = processes[name];
        if (!service) throw new Error(`no process ${name} in this system`);
        service.child.kill(signal);
        await service.exited;
      },
      async restart(name) {
        const entry = entries.find((candidate) => candidate.name === name);
        const env = processEnv.get(name);
        if (!entry || !env) throw new Error(`no process ${name} in this system`);
        await launch(entry, env);
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
