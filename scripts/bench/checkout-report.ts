import type { Check } from '../chaos/reconcile.ts';
import { formatReconciliation } from '../chaos/report.ts';
import type { Usage } from './system-usage.ts';

export interface CheckoutFigures {
  customers: number;
  seconds: number;
  products: number;
  hotShare: number;
  workerConcurrency: Record<string, string>;
  placed: number;
  confirmed: number;
  failed: number;
  pending: number;
  errors: Record<string, number>;
  requests: number;
  placedPerSecond: number;
  confirmedPerSecond: number;
  placeToConfirmedMs: { p50: number; p95: number; p99: number; max: number };
  /** Per confirmed-or-failed order. */
  perOrder: {
    rows: { process: string; cpuMs: number; sqlStatements: number; httpRequests: number; jobs: number }[];
    redisCommands: number;
    redisCommandsByName: Record<string, number>;
    jobsByName: Record<string, number>;
  };
  reconciliation: { name: string; checked: number; mismatches: number }[];
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Divides the run's usage by the orders it finished, process by process. */
export function perOrderUsage(usage: Usage, orders: number): CheckoutFigures['perOrder'] {
  const per = (value: number) => round(value / Math.max(1, orders), 2);
  const rows = Object.entries(usage.processes).map(([process, counts]) => ({
    process,
    cpuMs: per(counts.cpuSeconds * 1000),
    sqlStatements: per(counts.sqlStatements),
    httpRequests: per(counts.httpRequests),
    jobs: per(Object.values(counts.jobs).reduce((sum, value) => sum + value, 0)),
  }));
  rows.push(
    {
      process: 'postgres backends',
      cpuMs: per(usage.postgresBackendsCpuSeconds * 1000),
      sqlStatements: 0,
      httpRequests: 0,
      jobs: 0,
    },
    {
      process: 'postgres shared',
      cpuMs: per(usage.postgresSharedCpuSeconds * 1000),
      sqlStatements: 0,
      httpRequests: 0,
      jobs: 0,
    },
    { process: 'redis', cpuMs: per(usage.redisCpuSeconds * 1000), sqlStatements: 0, httpRequests: 0, jobs: 0 },
  );
  const jobsByName: Record<string, number> = {};
  for (const counts of Object.values(usage.processes)) {
    for (const [job, value] of Object.entries(counts.jobs)) jobsByName[job] = (jobsByName[job] ?? 0) + value;
  }
  const redisCommands = Object.values(usage.redisCalls).reduce((sum, value) => sum + value, 0);
  return {
    rows,
    redisCommands: per(redisCommands),
    redisCommandsByName: Object.fromEntries(
      Object.entries(usage.redisCalls)
        .sort(([, a], [, b]) => b - a)
        .map(([command, calls]) => [command, per(calls)]),
    ),
    jobsByName: Object.fromEntries(Object.entries(jobsByName).map(([job, value]) => [job, per(value)])),
  };
}

/** The person-readable report: rates and latency, the per-order table, then reconciliation. */
export function formatCheckoutReport(figures: CheckoutFigures, checks: readonly Check[]): string {
  const { perOrder } = figures;
  const errors =
    Object.entries(figures.errors)
      .map(([code, count]) => `${code}×${count}`)
      .join(' ') || 'none';
  const table = [
    `${'per order'.padEnd(20)} ${'CPU ms'.padStart(8)} ${'SQL'.padStart(6)} ${'HTTP in'.padStart(8)} ${'jobs'.padStart(6)}`,
    ...perOrder.rows.map(
      (row) =>
        `${row.process.padEnd(20)} ${row.cpuMs.toFixed(2).padStart(8)} ${row.sqlStatements.toFixed(2).padStart(6)} ` +
        `${row.httpRequests.toFixed(2).padStart(8)} ${row.jobs.toFixed(2).padStart(6)}`,
    ),
  ];
  const total = perOrder.rows.reduce(
    (sum, row) => ({
      cpuMs: sum.cpuMs + row.cpuMs,
      sql: sum.sql + row.sqlStatements,
      http: sum.http + row.httpRequests,
      jobs: sum.jobs + row.jobs,
    }),
    { cpuMs: 0, sql: 0, http: 0, jobs: 0 },
  );
  table.push(
    `${'total'.padEnd(20)} ${total.cpuMs.toFixed(2).padStart(8)} ${total.sql.toFixed(2).padStart(6)} ` +
      `${total.http.toFixed(2).padStart(8)} ${total.jobs.toFixed(2).padStart(6)}`,
  );
  const { p50, p95, p99, max } = figures.placeToConfirmedMs;
  return [
    `Checkout at saturation: ${figures.customers} customers for ${figures.seconds} s, ` +
      `1 hot product (${Math.round(figures.hotShare * 100)} % of orders) and ${figures.products - 1} others`,
    '',
    `orders placed      ${String(figures.placed).padStart(6)}   ${figures.placedPerSecond.toFixed(1)}/s`,
    `orders confirmed   ${String(figures.confirmed).padStart(6)}   ${figures.confirmedPerSecond.toFixed(1)}/s` +
      `   (failed ${figures.failed}, still pending ${figures.pending})`,
    `requests           ${String(figures.requests).padStart(6)}   errors: ${errors}`,
    `placeOrder answer -> CONFIRMED: p50 ${p50} ms, p95 ${p95} ms, p99 ${p99} ms, max ${max} ms`,
    '',
    ...table,
    '',
    `Redis commands per order: ${perOrder.redisCommands} (${Object.entries(perOrder.redisCommandsByName)
      .slice(0, 8)
      .map(([command, calls]) => `${command} ${calls}`)
      .join(', ')})`,
    `Jobs per order: ${Object.entries(perOrder.jobsByName)
      .map(([job, count]) => `${job} ${count}`)
      .join(', ')}`,
    '',
    'Reconciliation:',
    formatReconciliation(checks),
  ].join('\n');
}
