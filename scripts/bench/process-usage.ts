import { readFile } from 'node:fs/promises';
import type { Redis } from 'ioredis';
import { childPidsOf } from '#testing/child-processes';
import { queryDatabase } from '#testing/databases';

/** Clock ticks per second for /proc/<pid>/stat (USER_HZ, 100 on every Linux this runs on). */
const TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) a process has used so far; undefined once it has exited. */
export async function cpuSecondsOf(pid: number): Promise<number | undefined> {
  return (await readCpu(pid))?.own;
}

/**
 * CPU seconds of a process and every process under it, live or exited: a router's node:cluster
 * workers (`ROUTER_WORKERS`), the one it replaced included. Undefined once the process has exited.
 */
export async function cpuSecondsWithChildrenOf(pid: number): Promise<number | undefined> {
  const cpu = await readCpu(pid);
  if (!cpu) return undefined;
  const live = await Promise.all((await childPidsOf(pid)).map((child) => cpuSecondsWithChildrenOf(child)));
  return cpu.own + cpu.reapedChildren + live.reduce((sum: number, seconds) => sum + (seconds ?? 0), 0);
}

async function readCpu(pid: number): Promise<{ own: number; reapedChildren: number } | undefined> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces; the fields after its closing parenthesis are fixed:
    // utime, stime, then cutime, cstime (children waited for, e.g. a replaced cluster worker).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return {
      own: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND,
      reapedChildren: (Number(fields[13]) + Number(fields[14])) / TICKS_PER_SECOND,
    };
  } catch {
    return undefined;
  }
}

/**
 * The PostgreSQL server processes to charge to this run: the backends connected to its own
 * databases, and (as one line) the server's shared processes (WAL writer, checkpointer, ...).
 */
export async function postgresProcesses(serverUrl: string, databases: readonly string[]) {
  const rows = await queryDatabase<{ pid: number; datname: string | null; backend_type: string }>(
    serverUrl,
    'SELECT pid, datname, backend_type FROM pg_stat_activity',
  );
  const own = new Set(databases);
  return {
    backends: rows.filter((row) => row.datname !== null && own.has(row.datname)).map((row) => row.pid),
    shared: rows.filter((row) => row.backend_type !== 'client backend').map((row) => row.pid),
  };
}

export interface RedisSnapshot {
  cpuSeconds: number;
  /** Calls per command since the server started. */
  calls: Record<string, number>;
}

/** Redis's own CPU and command counts (server-wide: on a shared Redis, run nothing else beside). */
export async function redisSnapshot(redis: Redis): Promise<RedisSnapshot> {
  const [cpu, commandstats] = await Promise.all([redis.info('cpu'), redis.info('commandstats')]);
  const field = (name: string) => Number(new RegExp(`^${name}:([\\d.]+)`, 'm').exec(cpu)?.[1] ?? 0);
  const calls: Record<string, number> = {};
  for (const [, command, count] of commandstats.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) {
    calls[command!] = Number(count);
  }
  return { cpuSeconds: field('used_cpu_sys') + field('used_cpu_user'), calls };
}
