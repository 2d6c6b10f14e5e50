import type { Redis } from 'ioredis';
import type { PrivateSystem } from '#system/private-system';
import { readProcessCounts, subtractCounts, type ProcessCounts } from './process-metrics.ts';
import {
  cpuSecondsOf,
  cpuSecondsWithChildrenOf,
  postgresProcesses,
  redisSnapshot,
  type RedisSnapshot,
} from './process-usage.ts';

export interface UsageSnapshot {
  /** CPU seconds and counters of each of the system's own processes, by name. */
  processes: Record<string, { cpuSeconds: number; counts: ProcessCounts }>;
  /** CPU seconds of each PostgreSQL backend serving the system's databases, by pid. */
  postgresBackends: Map<number, number>;
  postgresShared: Map<number, number>;
  redis: RedisSnapshot;
}

export interface Usage {
  processes: Record<string, { cpuSeconds: number } & ProcessCounts>;
  postgresBackendsCpuSeconds: number;
  postgresSharedCpuSeconds: number;
  redisCpuSeconds: number;
  redisCalls: Record<string, number>;
}

const metricsUrlOf = (system: PrivateSystem, name: string): string | undefined => {
  if (name === 'router') return system.routerUrl.replace(/\/graphql$/, '/metrics');
  if (system.subgraphUrls[name]) return system.subgraphUrls[name].replace(/\/graphql$/, '/metrics');
  // The fake payment gateway serves no metrics; the workers and their replicas (`<worker>-2`)
  // serve theirs on the ops port.
  return /-worker(-\d+)?$/.test(name) ? `${system.backgroundUrls[name]}/metrics` : undefined;
};

async function cpuOfPids(pids: readonly number[]) {
  const seconds = await Promise.all(pids.map((pid) => cpuSecondsOf(pid)));
  return new Map(pids.flatMap((pid, index) => (seconds[index] === undefined ? [] : [[pid, seconds[index]!] as const])));
}

/** Reads every counter the checkout benchmark charges to its orders, at one moment. */
export async function snapshotUsage(
  system: PrivateSystem,
  redis: Redis,
  serverUrl: string,
  databases: readonly string[],
): Promise<UsageSnapshot> {
  const postgres = await postgresProcesses(serverUrl, databases);
  const entries = await Promise.all(
    Object.values(system.processes).map(async ({ name, child }) => {
      const [cpuSeconds, counts] = await Promise.all([
        cpuSecondsWithChildrenOf(child.pid!),
        readProcessCounts(metricsUrlOf(system, name)),
      ]);
      return [name, { cpuSeconds: cpuSeconds ?? 0, counts }] as const;
    }),
  );
  return {
    processes: Object.fromEntries(entries),
    postgresBackends: await cpuOfPids(postgres.backends),
    postgresShared: await cpuOfPids(postgres.shared),
    redis: await redisSnapshot(redis),
  };
}

/**
 * What happened between two snapshots. A backend that connected in between is charged all its CPU
 * (its connection set-up belongs to the run too); one that ended in between is missed.
 */
export function usageBetween(before: UsageSnapshot, after: UsageSnapshot): Usage {
  const cpuDelta = (start: Map<number, number>, end: Map<number, number>) =>
    [...end].reduce((sum, [pid, seconds]) => sum + seconds - (start.get(pid) ?? 0), 0);
  const redisCalls: Record<string, number> = {};
  for (const [command, calls] of Object.entries(after.redis.calls)) {
    const delta = calls - (before.redis.calls[command] ?? 0);
    if (delta > 0) redisCalls[command] = delta;
  }
  return {
    processes: Object.fromEntries(
      Object.entries(after.processes).map(([name, { cpuSeconds, counts }]) => {
        const start = before.processes[name];
        return [
          name,
          {
            cpuSeconds: cpuSeconds - (start?.cpuSeconds ?? 0),
            ...subtractCounts(counts, start?.counts ?? { sqlStatements: 0, httpRequests: 0, jobs: {} }),
          },
        ];
      }),
    ),
    postgresBackendsCpuSeconds: cpuDelta(before.postgresBackends, after.postgresBackends),
    postgresSharedCpuSeconds: cpuDelta(before.postgresShared, after.postgresShared),
    redisCpuSeconds: after.redis.cpuSeconds - before.redis.cpuSeconds,
    redisCalls,
  };
}
