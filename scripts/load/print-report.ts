import type { LoadResult } from './run-load.ts';

const fixed = (value: number, digits = 1) => value.toFixed(digits);

/** Prints a run's figures as a plain table: throughput, latency percentiles, errors, checkouts. */
export function formatReport(result: LoadResult): string {
  const { durationSeconds, operations } = result;
  const requests = operations.reduce((sum, op) => sum + op.requests, 0);
  const errors = operations.reduce((sum, op) => sum + op.errors, 0);
  const rows = operations.map((op) =>
    [
      op.operation.padEnd(14),
      String(op.requests).padStart(8),
      fixed(op.requests / durationSeconds).padStart(8),
      fixed(op.p50Ms).padStart(8),
      fixed(op.p95Ms).padStart(8),
      fixed(op.p99Ms).padStart(8),
      `${fixed((100 * op.errors) / op.requests, 2)}%`.padStart(8),
      Object.entries(op.errorCodes)
        .map(([code, count]) => `${code}×${count}`)
        .join(' '),
    ].join(' '),
  );
  const confirmed = result.orderStatuses['CONFIRMED'] ?? 0;
  const statuses = Object.entries(result.orderStatuses)
    .map(([status, count]) => `${status} ${count}`)
    .join(', ');
  return [
    `Duration ${fixed(durationSeconds)} s, ${requests} requests, ${fixed(requests / durationSeconds)} requests/s, error rate ${fixed((100 * errors) / Math.max(1, requests), 2)}%`,
    '',
    `${'operation'.padEnd(14)} ${'requests'.padStart(8)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'errors'.padStart(8)} codes`,
    ...rows,
    '',
    `Checkouts: ${result.ordersPlaced} orders placed (${fixed(result.ordersPlaced / durationSeconds, 2)}/s); statuses after settling: ${statuses || 'none'}`,
    `Checkout completions (CONFIRMED): ${confirmed} (${fixed(confirmed / durationSeconds, 2)}/s)` +
      (result.ordersPlaced > 0 && confirmed === 0
        ? ' — no order was confirmed: is the checkout saga (its workers) running? Placed orders are the figure to read.'
        : ''),
  ].join('\n');
}
