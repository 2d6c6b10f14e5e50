/**
 * `npm run bench:resources`: builds, starts a private system (fresh databases, own queue prefix, the
 * workers and the fake gateway), runs the load test's shopping mix through its router, and prints
 * each process's memory (RSS) and CPU, idle and under load: the figures the Kubernetes requests and
 * limits in deploy/kubernetes/ are taken from. Settings: BENCH_DURATION_SECONDS (60),
 * BENCH_USERS (20), BENCH_THINK_MS (100). Linux only (reads /proc).
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { parseEnv } from '#lib/config';
import { startPrivateSystem } from '#system/private-system';
import { createTemplateDatabases } from '#system/template-databases';
import { createAdmin } from '#testing/accounts';
import { createStockedProduct } from '#testing/checkout';
import { createLatencyRecorder } from '../load/latency-recorder.ts';
import { prepareLoad, runShoppers } from '../load/run-load.ts';

const settings = parseEnv(
  z.object({
    BENCH_DURATION_SECONDS: z.coerce.number().int().min(5).max(300).default(60),
    BENCH_USERS: z.coerce.number().int().min(1).max(200).default(20),
    BENCH_THINK_MS: z.coerce.number().int().min(0).max(10_000).default(100),
  }),
  process.env,
);

/** USER_HZ: the unit of /proc/<pid>/stat's CPU times, 100 on every Linux that exposes them. */
const TICKS_PER_SECOND = 100;
const SAMPLE_MS = 1_000;

interface Sample {
  at: number;
  cpuSeconds: number;
  rssMiB: number;
}

function readSample(pid: number): Sample {
  // The command name (field 2) may hold spaces, so count fields after its closing parenthesis.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  const rssKiB = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  return { at: performance.now(), cpuSeconds: ticks / TICKS_PER_SECOND, rssMiB: rssKiB / 1024 };
}

/** Samples every process once a second until stopped; `phase` tags each sample. */
function startSampling(pids: Record<string, number>) {
  const samples: Record<string, (Sample & { phase: string })[]> = Object.fromEntries(
    Object.keys(pids).map((name) => [name, []]),
  );
  let phase = 'idle';
  const timer = setInterval(() => {
    for (const [name, pid] of Object.entries(pids)) samples[name]!.push({ ...readSample(pid), phase });
  }, SAMPLE_MS);
  return {
    samples,
    setPhase: (next: string) => (phase = next),
    stop: () => clearInterval(timer),
  };
}

/** Millicores between consecutive samples of one phase. */
function cpuRates(samples: readonly (Sample & { phase: string })[], phase: string): number[] {
  const rates: number[] = [];
  for (let i = 1; i < samples.length; i += 1) {
    const [previous, current] = [samples[i - 1]!, samples[i]!];
    if (current.phase !== phase || previous.phase !== phase) continue;
    rates.push(((current.cpuSeconds - previous.cpuSeconds) / ((current.at - previous.at) / 1000)) * 1000);
  }
  return rates.sort((a, b) => a - b);
}

const round = (value: number) => String(Math.round(value));
const at = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;

const { templates, drop } = await createTemplateDatabases(`res${randomUUID().slice(0, 4)}`);
const system = await startPrivateSystem({
  label: 'bench',
  background: true,
  templates,
  env: { NODE_ENV: 'production', LOG_LEVEL: 'warn', NOTIFICATIONS_CHANNEL: 'capture' },
});
try {
  const admin = await createAdmin(system);
  for (let i = 0; i < 20; i += 1) await createStockedProduct(system, admin, 500 + i, 100_000);
  const pids = Object.fromEntries(Object.entries(system.processes).map(([name, { child }]) => [name, child.pid!]));
  const sampler = startSampling(pids);
  await sleep(10_000);
  const options = {
    url: system.routerUrl,
    durationMs: settings.BENCH_DURATION_SECONDS * 1000,
    users: settings.BENCH_USERS,
    thinkMs: settings.BENCH_THINK_MS,
  };
  // Registering shoppers is argon2 work in accounts: sampled as its own phase, not as the load.
  const { tokens, productIds } = await prepareLoad(options, (line) => console.error(line));
  const recorder = createLatencyRecorder();
  sampler.setPhase('load');
  const run = await runShoppers({ ...options, tokens, productIds }, recorder);
  sampler.setPhase('after');
  await sleep(5_000);
  sampler.stop();
  const operations = recorder.stats();
  const requests = operations.reduce((sum, operation) => sum + operation.requests, 0);
  const errors = operations.reduce((sum, operation) => sum + operation.errors, 0);
  const orders = [...run.ordersByToken.values()].reduce((sum, ids) => sum + ids.size, 0);
  console.log(
    `${settings.BENCH_USERS} shoppers, ${run.durationSeconds.toFixed(0)} s: ${requests} requests ` +
      `(${(requests / run.durationSeconds).toFixed(0)}/s, ${errors} errors), ${orders} orders placed\n`,
  );
  console.log('| process | RSS idle MiB | RSS peak MiB | CPU load mean m | CPU load p95 m | CPU load max m |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const [name, samples] of Object.entries(sampler.samples)) {
    const idle = samples.filter((sample) => sample.phase === 'idle');
    const rates = cpuRates(samples, 'load');
    const mean = rates.reduce((sum, rate) => sum + rate, 0) / Math.max(1, rates.length);
    const row = [
      name,
      round(idle.at(-1)?.rssMiB ?? 0),
      round(Math.max(...samples.map((sample) => sample.rssMiB))),
      round(mean),
      round(at(rates, 0.95)),
      round(rates.at(-1) ?? 0),
    ];
    console.log(`| ${row.join(' | ')} |`);
  }
} finally {
  await system.stop();
  await drop();
}
