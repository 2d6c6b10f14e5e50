import type { RoundResult } from './load-round.ts';

export interface Summary {
  rps: number;
  p50: number;
  p99: number;
  cpuMsPerRequest: number;
  requests: number;
  errors: number;
  mismatches: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** Rate and CPU over all rounds together; p50 and p99 as the median of the rounds' own. */
export function summarise(rounds: RoundResult[]): Summary {
  const sum = (pick: (round: RoundResult) => number) => rounds.reduce((total, round) => total + pick(round), 0);
  const requests = sum((round) => round.requests);
  return {
    rps: requests / sum((round) => round.seconds),
    p50: median(rounds.map((round) => round.p50)),
    p99: median(rounds.map((round) => round.p99)),
    cpuMsPerRequest: sum((round) => round.cpuMs) / Math.max(requests, 1),
    requests,
    errors: sum((round) => round.errors),
    mismatches: sum((round) => round.mismatches),
  };
}

const fixed = (value: number, digits = 1) => value.toFixed(digits);

/** The side-by-side table, with the router's ratios against the reference. */
export function formatTable(reference: Summary, router: Summary): string {
  const row = (name: string, s: Summary) =>
    `| ${name} | ${fixed(s.rps)} | ${s.p50} ms | ${s.p99} ms | ${fixed(s.cpuMsPerRequest, 2)} | ${s.requests} | ${s.errors} | ${s.mismatches} |`;
  return [
    '| gateway | requests/s | p50 | p99 | CPU ms/request | requests | errors | answers differing |',
    '|---|---|---|---|---|---|---|---|',
    row('plain @apollo/gateway', reference),
    row('this router', router),
    `| router / reference | ${fixed(router.rps / reference.rps, 2)}x | ${fixed(router.p50 / reference.p50, 2)}x | ${fixed(router.p99 / reference.p99, 2)}x | ${fixed(router.cpuMsPerRequest / reference.cpuMsPerRequest, 2)}x | | | |`,
  ].join('\n');
}
