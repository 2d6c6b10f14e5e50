import { scrapeMetrics } from '../../test/harness/prometheus.ts';

/** What one process counted, read from its Prometheus /metrics. */
export interface ProcessCounts {
  sqlStatements: number;
  /** HTTP requests it answered, /metrics and health checks excluded. */
  httpRequests: number;
  /** Job attempts it ran, by job name. */
  jobs: Record<string, number>;
}

const OPS_ROUTES = new Set(['/metrics', '/health/live', '/health/ready']);

/** Reads a process's counters; a process without /metrics (the fake gateway) counts nothing. */
export async function readProcessCounts(metricsUrl: string | undefined): Promise<ProcessCounts> {
  const counts: ProcessCounts = { sqlStatements: 0, httpRequests: 0, jobs: {} };
  if (!metricsUrl) return counts;
  const { samples } = await scrapeMetrics(metricsUrl);
  for (const { name, labels, value } of samples) {
    if (name === 'db_statements_total') counts.sqlStatements += value;
    if (name === 'http_server_request_duration_seconds_count' && !OPS_ROUTES.has(labels['route'] ?? '')) {
      counts.httpRequests += value;
    }
    if (name === 'bullmq_job_duration_seconds_count') {
      const job = labels['job_name'] ?? 'unknown';
      counts.jobs[job] = (counts.jobs[job] ?? 0) + value;
    }
  }
  return counts;
}

export function subtractCounts(after: ProcessCounts, before: ProcessCounts): ProcessCounts {
  const jobs: Record<string, number> = {};
  for (const [job, value] of Object.entries(after.jobs)) jobs[job] = value - (before.jobs[job] ?? 0);
  return {
    sqlStatements: after.sqlStatements - before.sqlStatements,
    httpRequests: after.httpRequests - before.httpRequests,
    jobs,
  };
}
