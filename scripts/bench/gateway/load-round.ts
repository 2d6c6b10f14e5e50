import autocannon from 'autocannon';
import { processCpuMs } from './process-cpu.ts';

export interface RoundTarget {
  url: string;
  pid: number;
  /** The body every answer must equal, byte for byte. */
  expectedBody: string;
}

export interface RoundLoad {
  body: string;
  connections: number;
  seconds: number;
  /** Sent on every other request (a valid access token), the rest go without. */
  authorization?: string;
}

export interface RoundResult {
  requests: number;
  seconds: number;
  p50: number;
  p99: number;
  cpuMs: number;
  errors: number;
  mismatches: number;
}

/**
 * One timed round of load against one gateway: autocannon for the rate and latencies, the
 * process's own CPU time from /proc before and after, and every answer compared with the expected body.
 */
export async function runRound(target: RoundTarget, load: RoundLoad): Promise<RoundResult> {
  let mismatches = 0;
  const onResponse = (status: number, body: string) => {
    if (status !== 200 || body !== target.expectedBody) mismatches += 1;
  };
  const headers = { 'content-type': 'application/json' };
  const cpuBefore = processCpuMs(target.pid);
  const started = process.hrtime.bigint();
  const result = await autocannon({
    url: target.url,
    method: 'POST',
    connections: load.connections,
    duration: load.seconds,
    requests: [
      {
        method: 'POST',
        body: load.body,
        headers: load.authorization ? { ...headers, authorization: load.authorization } : headers,
        onResponse,
      },
      { method: 'POST', body: load.body, headers, onResponse },
    ],
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpuMs = processCpuMs(target.pid) - cpuBefore;
  return {
    requests: result.requests.total,
    seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    cpuMs,
    errors: result.errors + result.timeouts + result.non2xx,
    mismatches,
  };
}
