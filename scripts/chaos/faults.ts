import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { withDatabaseName } from '#system/databases';
import type { PrivateRedis } from '#system/testing/private-redis';
import type { PrivateSystem } from '#system/private-system';
import type { OperationName } from '../load/operations.ts';
import type { FaultWindow } from './phases.ts';

export interface FaultTarget {
  system: PrivateSystem;
  redis: PrivateRedis;
  /** How long each fault lasts before its repair starts. */
  faultMs: number;
}

export interface Fault {
  name: string;
  /** Breaks something, waits `faultMs`, and repairs it; resolves once repaired. */
  inject(target: FaultTarget): Promise<void>;
}

/**
 * The subgraph taken down. Inventory, because a shop must keep selling while stock levels cannot
 * be shown: carts, checkouts and order history never call it (orders asks only catalog for
 * prices; the inventory worker, not the subgraph, reserves stock), while browsing and the cart
 * view ask it for `stock`/`inStock` and are expected to fail.
 */
export const KILLED_SUBGRAPH = 'inventory';
export const OPERATIONS_WITHOUT_KILLED_SUBGRAPH: readonly OperationName[] = ['addToCart', 'placeOrder', 'orderHistory'];

/** The worker killed mid-flight: the one that talks to the payment gateway. */
const KILLED_WORKER = 'payments-worker';

/** The database whose connections are cut: the one placeOrder, the outbox relay and the saga write. */
export const CUT_DATABASE = 'orders';
const CUT_EVERY_MS = 250;

const killAndRestart =
  (name: string) =>
  async ({ system, faultMs }: FaultTarget) => {
    await system.kill(name, 'SIGKILL');
    await sleep(faultMs);
    await system.restart(name);
  };

/** The faults in the order the run injects them. */
export const FAULTS: readonly Fault[] = [
  { name: `${KILLED_SUBGRAPH} subgraph killed`, inject: killAndRestart(KILLED_SUBGRAPH) },
  { name: `${KILLED_WORKER} killed`, inject: killAndRestart(KILLED_WORKER) },
  {
    name: 'Redis stopped',
    async inject({ redis, faultMs }) {
      await redis.stop();
      await sleep(faultMs);
      await redis.start();
    },
  },
  {
    name: `${CUT_DATABASE} database connections cut`,
    async inject({ system, faultMs }) {
      const databaseUrl = system.databaseUrls[CUT_DATABASE]!;
      // From the server's maintenance database, so this connection is never among those cut.
      const client = new pg.Client({ connectionString: withDatabaseName(databaseUrl, 'postgres') });
      await client.connect();
      try {
        for (const until = Date.now() + faultMs; Date.now() < until; await sleep(CUT_EVERY_MS)) {
          await client.query(
            'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
            [new URL(databaseUrl).pathname.slice(1)],
          );
        }
      } finally {
        await client.end();
      }
    },
  },
];

/**
 * Injects each fault in turn, spread evenly over a run of `durationMs` that started at `start`,
 * so there is calm load before, between and after them. A fault whose repair overran (a restart
 * takes seconds on a busy machine) delays the next, which still gets a third of the spacing of
 * calm first. Resolves with when each fault was in effect, at the end of the run or one spacing
 * after the last repair, whichever is later.
 */
export async function runFaults(
  target: FaultTarget,
  start: number,
  durationMs: number,
  log: (line: string) => void,
): Promise<FaultWindow[]> {
  const windows: FaultWindow[] = [];
  const spacing = durationMs / (FAULTS.length + 1);
  const minCalmMs = spacing / 3;
  const since = (time: number) => `+${((time - start) / 1000).toFixed(1)} s`.padStart(9);
  for (const [index, fault] of FAULTS.entries()) {
    const planned = Math.max(start + spacing * (index + 1), (windows.at(-1)?.end ?? start) + minCalmMs);
    await sleep(Math.max(0, planned - Date.now()));
    const begun = Date.now();
    log(`${since(begun)} ${fault.name}`);
    await fault.inject(target);
    windows.push({ fault: fault.name, start: begun, end: Date.now() });
    log(`${since(Date.now())} repaired (${((Date.now() - begun) / 1000).toFixed(1)} s)`);
  }
  await sleep(Math.max(0, start + durationMs - Date.now(), windows.at(-1)!.end + spacing - Date.now()));
  return windows;
}
