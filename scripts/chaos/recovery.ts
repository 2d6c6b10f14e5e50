import type { RequestSample } from '../load/latency-recorder.ts';
import type { FaultWindow } from './phases.ts';

export interface Recovery {
  fault: string;
  /** Seconds from the repair to the start of the first second without an error; undefined if none came. */
  seconds: number | undefined;
}

const SECOND_MS = 1_000;
const STEP_MS = 100;

/**
 * For each fault, the time from its repair to the first error-free second: the first one-second
 * window (slid in 100 ms steps from the repair) in which requests finished and none failed. It is
 * looked for until the next fault begins (or the run ends at `end`), so a fault that never
 * recovers before the next one reports undefined.
 */
export function recoveryTimes(
  samples: readonly RequestSample[],
  windows: readonly FaultWindow[],
  end: number,
): Recovery[] {
  const sorted = [...samples].sort((a, b) => a.at - b.at);
  return windows.map((window, index) => {
    const until = windows[index + 1]?.start ?? end;
    const after = sorted.filter(({ at }) => at >= window.end && at < until);
    for (let offset = 0; window.end + offset + SECOND_MS <= until; offset += STEP_MS) {
      const from = window.end + offset;
      const inSecond = after.filter(({ at }) => at >= from && at < from + SECOND_MS);
      if (inSecond.length && inSecond.every(({ errorCode }) => !errorCode)) {
        return { fault: window.fault, seconds: offset / SECOND_MS };
      }
    }
    return { fault: window.fault, seconds: undefined };
  });
}

/** One line per fault, marking those that took longer than `boundSeconds` (or never recovered). */
export function formatRecoveries(recoveries: readonly Recovery[], boundSeconds: number): string {
  const width = Math.max(...recoveries.map(({ fault }) => fault.length)) + 2;
  return recoveries
    .map(({ fault, seconds }) => {
      const time = seconds === undefined ? 'never' : `${seconds.toFixed(1)} s`;
      const verdict = seconds !== undefined && seconds <= boundSeconds ? 'ok' : `FAIL (bound ${boundSeconds} s)`;
      return `${fault.padEnd(width)} ${time.padStart(7)} ${verdict}`;
    })
    .join('\n');
}

/** Whether every fault recovered within `boundSeconds`. */
export const recoveredInTime = (recoveries: readonly Recovery[], boundSeconds: number) =>
  recoveries.every(({ seconds }) => seconds !== undefined && seconds <= boundSeconds);
