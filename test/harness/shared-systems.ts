import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { emptyDatabase } from '#system/databases';
import { startPrivateSystem, type PrivateSystem } from '#system/private-system';
import { removeQueues } from '#system/queues';

/** What a test file gets of a shared system: its addresses, never its processes. */
export type SharedSystemAddresses = Pick<
  PrivateSystem,
  'routerUrl' | 'urls' | 'subgraphUrls' | 'backgroundUrls' | 'databaseUrls' | 'queuePrefix'
>;

export interface SharedSystemBroker {
  /**
   * `GET <url>?pid=<pid>` lends one system to the test file running in process `pid`, its
   * databases emptied, and answers its addresses as JSON.
   */
  url: string;
  /** Stops every system it started. */
  close(): Promise<void>;
}

/** As many systems as files of the `integration-shared` project run at once (its maxWorkers). */
export const SHARED_SYSTEMS = 2;

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Lends systems (subgraphs and router, the base settings) to the test files of the
 * `integration-shared` project, each file one system of its own while it runs: up to
 * `SHARED_SYSTEMS`, started when first needed, so a run without such a file starts none. A file
 * gets its system with empty databases and queues, as if it had started its own. vitest runs each of these
 * files in a process of its own, so a loan ends when that process has exited (or asks again).
 */
export async function startSharedSystemBroker(templates: Record<string, string>): Promise<SharedSystemBroker> {
  const started: Promise<PrivateSystem>[] = [];
  const free: PrivateSystem[] = [];
  const lent = new Map<number, PrivateSystem>();

  const takeBack = (pid: number) => {
    const system = lent.get(pid);
    if (!system) return;
    lent.delete(pid);
    free.push(system);
  };
  const borrow = async (pid: number): Promise<PrivateSystem> => {
    takeBack(pid);
    for (;;) {
      for (const holder of [...lent.keys()]) if (!isAlive(holder)) takeBack(holder);
      const system = free.pop();
      if (system) {
        lent.set(pid, system);
        return system;
      }
      if (started.length < SHARED_SYSTEMS) {
        const starting = startPrivateSystem({ templates, label: 'shared' });
        started.push(starting);
        const system = await starting;
        lent.set(pid, system);
        return system;
      }
      await sleep(100);
    }
  };
  const emptied = async (pid: number) => {
    const system = await borrow(pid);
    // And its queues: a borrower may have run checkout workers on it (`backgroundOnSharedSystem`).
    await Promise.all([
      ...Object.values(system.databaseUrls).map(emptyDatabase),
      removeQueues(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379', system.queuePrefix),
    ]);
    return system;
  };

  const server = createServer((request, response) => {
    const pid = Number(new URL(request.url ?? '/', 'http://broker').searchParams.get('pid'));
    if (!Number.isInteger(pid) || pid <= 0) {
      response.writeHead(400).end('pid=<the test process id> is required');
      return;
    }
    emptied(pid).then(
      ({ routerUrl, urls, subgraphUrls, backgroundUrls, databaseUrls, queuePrefix }) => {
        const addresses: SharedSystemAddresses = {
          routerUrl,
          urls,
          subgraphUrls,
          backgroundUrls,
          databaseUrls,
          queuePrefix,
        };
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(addresses));
      },
      (error: unknown) => response.writeHead(500).end(String(error)),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      server.close();
      const systems = await Promise.all(started.map((system) => system.catch(() => undefined)));
      await Promise.all(systems.map((system) => system?.stop()));
    },
  };
}
