import { describe, expect, it } from 'vitest';
import { formatRecoveries, recoveredInTime, recoveryTimes } from './recovery.ts';

const sample = (at: number, errorCode?: string) => ({ at, operation: 'browse', milliseconds: 1, errorCode });
/** A request every 50 ms from `from` to `to`, failing before `failUntil`. */
const traffic = (from: number, to: number, failUntil: number) =>
  Array.from({ length: (to - from) / 50 }, (_, index) => from + index * 50).map((at) =>
    sample(at, at < failUntil ? 'SUBGRAPH_UNAVAILABLE' : undefined),
  );

describe('recoveryTimes', () => {
  it('measures from each repair to the first second without an error, in 100 ms steps', () => {
    const windows = [
      { fault: 'subgraph killed', start: 1_000, end: 2_000 },
      { fault: 'database cut', start: 10_000, end: 11_000 },
    ];
    const samples = [...traffic(0, 10_000, 4_550), ...traffic(10_000, 20_000, 11_000)];
    expect(recoveryTimes(samples, windows, 20_000)).toEqual([
      { fault: 'subgraph killed', seconds: 2.6 },
      { fault: 'database cut', seconds: 0 },
    ]);
  });

  it('reports a fault with no error-free second before the next one as never recovered', () => {
    const windows = [
      { fault: 'a', start: 0, end: 1_000 },
      { fault: 'b', start: 3_000, end: 4_000 },
    ];
    const recoveries = recoveryTimes(traffic(0, 6_000, 3_000), windows, 6_000);
    expect(recoveries[0]).toEqual({ fault: 'a', seconds: undefined });
    expect(recoveredInTime(recoveries, 2)).toBe(false);
    expect(formatRecoveries(recoveries, 2)).toBe(['a     never FAIL (bound 2 s)', 'b     0.0 s ok'].join('\n'));
  });

  it('does not count a second in which nothing finished as error-free', () => {
    const windows = [{ fault: 'a', start: 0, end: 1_000 }];
    const samples = [sample(1_100, 'HTTP 502'), sample(3_500)];
    // The first second holding a finished request and no error is the one ending with the request at 3.5 s.
    expect(recoveryTimes(samples, windows, 5_000)).toEqual([{ fault: 'a', seconds: 1.6 }]);
  });
});
