import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { emptyDatabase } from '#system/databases';
import { startPrivateSystem, type PrivateSystem } from '#system/private-system';

/** What a test file gets of the shared system: its addresses, never its processes. */
export type SharedSystemAddresses = Pick<
  PrivateSystem,
  'routerUrl' | 'urls' | 'subgraphUrls' | 'backgroundUrls' | 'databaseUrls' | 'queuePrefix'
>;

export interface SharedSystemBroker {
  /** `GET <url>` empties the shared system's databases and answers its addresses as JSON. */
  url: string;
  /** Stops the system if it was started. */
  close(): Promise<void>;
}

/**
 * Serves one system (subgraphs and router, the base settings) to the test files of the
 * `integration-shared` project, which run one at a time, each in its own worker process. The
 * system starts when a file first asks for it, so a run without such a file starts none; each file
 * gets it with empty databases, as if it had started its own.
 */
export async function startSharedSystemBroker(templates: Record<string, string>): Promise<SharedSystemBroker> {
  let system: Promise<PrivateSystem> | undefined;
  const emptied = async () => {
    system ??= startPrivateSystem({ templates, label: 'shared' });
    const started = await system;
    await Promise.all(Object.values(started.databaseUrls).map(emptyDatabase));
    return started;
  };

  const server = createServer((_request, response) => {
    emptied().then(
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
      const started = await system?.catch(() => undefined);
      await started?.stop();
    },
  };
}
