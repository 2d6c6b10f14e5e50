/** What one process counted, read from its Prometheus /metrics. */
export interface ProcessCounts {
  sqlStatements: number;
  /** HTTP requests it answered, /metrics and health checks excluded. */
  httpRequests: number;
  /** Job attempts it ran, by job name. */
  jobs: Record<string, number>;
}

/** One sample line of the Prometheus text format: name, labels, value. */
const SAMPLE_LINE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/gm;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;
const OPS_ROUTES = new Set(['/metrics', '/health/live', '/health/ready']);

/** Reads a process's counters; a process without /metrics (the fake gateway) counts nothing. */
export async function readProcessCounts(metricsUrl: string | undefined): Promise<ProcessCounts> {
  const counts: ProcessCounts = { sqlStatements: 0, httpRequests: 0, jobs: {} };
  if (!metricsUrl) return counts;
  const response = await fetch(metricsUrl);
  if (!response.ok) throw new Error(`${metricsUrl} answered ${response.status}`);
  for (const [, name, labelText = '', text] of (await response.text()).matchAll(SAMPLE_LINE)) {
    const labels = Object.fromEntries([...labelText.matchAll(LABEL)].map(([, key, label]) => [key!, label!]));
    const value = Number(text);
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
