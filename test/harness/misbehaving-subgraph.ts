import { readFileSync } from 'node:fs';
import { spawnService, stopService, type ServiceProcess } from '#system/spawn-service';
import type { Mode } from '../fixtures/misbehaving-subgraph.ts';
import type { ExtraSubgraph } from './supergraph.ts';

export interface MisbehavingSubgraph {
  process: ServiceProcess;
  /** Its root URL; the fixture's admin routes are under it. */
  url: string;
  /** What to compose into a supergraph beside the project's subgraphs (`writeSupergraph`). */
  subgraph: ExtraSubgraph;
  /** Switches how it answers from now on. */
  setMode(mode: Mode, delayMs?: number): Promise<void>;
  /** Requests it has served, and the last deadline header the router sent it. */
  stats(): Promise<{ requests: number; lastDeadlineMs?: string }>;
  stop(): Promise<void>;
}

/** Starts the fixture subgraph `flaky` (`test/fixtures/misbehaving-subgraph.ts`) on a free port. */
export async function startMisbehavingSubgraph(
  onLine: (line: string) => void = () => {},
): Promise<MisbehavingSubgraph> {
  const fake = await spawnService({
    name: 'flaky',
    entry: 'test/fixtures/misbehaving-subgraph.ts',
    // A test fixture is not part of the build.
    runtime: 'source',
    env: { PATH: process.env['PATH'] },
    onLine,
  });
  const url = `http://127.0.0.1:${fake.port}`;
  return {
    process: fake,
    url,
    subgraph: {
      name: 'flaky',
      url: `${url}/graphql`,
      sdl: readFileSync('test/fixtures/misbehaving-subgraph.graphql', 'utf8'),
    },
    async setMode(mode, delayMs = 0) {
      const response = await fetch(`${url}/admin/mode`, { method: 'POST', body: JSON.stringify({ mode, delayMs }) });
      if (!response.ok) throw new Error(`the misbehaving subgraph refused mode ${mode}: HTTP ${response.status}`);
    },
    stats: async () =>
      (await (await fetch(`${url}/admin/stats`)).json()) as { requests: number; lastDeadlineMs?: string },
    stop: () => stopService(fake),
  };
}
