import type { RequestSample } from '../load/latency-recorder.ts';

/** A stretch of the run: calm, or while one fault was in effect. */
export interface Phase {
  name: string;
  start: number;
  end: number;
}

export interface PhaseErrors {
  phase: string;
  requests: number;
  errors: number;
  /** Error counts by code. */
  errorCodes: Record<string, number>;
}

/** The fault windows as they happened, in order. */
export interface FaultWindow {
  fault: string;
  start: number;
  end: number;
}

/** Cuts the run from `start` to `end` into the fault windows and the calm stretches around them. */
export function phasesOf(start: number, end: number, windows: readonly FaultWindow[]): Phase[] {
  const phases: Phase[] = [];
  let cursor = start;
  windows.forEach((window, index) => {
    phases.push({
      name: index === 0 ? 'before faults' : `after ${windows[index - 1]!.fault}`,
      start: cursor,
      end: window.start,
    });
    phases.push({ name: `during ${window.fault}`, start: window.start, end: window.end });
    cursor = window.end;
  });
  phases.push({ name: windows.length ? `after ${windows.at(-1)!.fault}` : 'whole run', start: cursor, end });
  return phases;
}

/** Counts requests and errors per phase, of the samples `include` keeps (all by default). */
export function errorsByPhase(
  samples: readonly RequestSample[],
  phases: readonly Phase[],
  include: (sample: RequestSample) => boolean = () => true,
): PhaseErrors[] {
  return phases.map((phase) => {
    const inPhase = samples.filter((sample) => sample.at >= phase.start && sample.at < phase.end && include(sample));
    const errorCodes: Record<string, number> = {};
    for (const { errorCode } of inPhase) {
      if (errorCode) errorCodes[errorCode] = (errorCodes[errorCode] ?? 0) + 1;
    }
    return {
      phase: phase.name,
      requests: inPhase.length,
      errors: Object.values(errorCodes).reduce((sum, count) => sum + count, 0),
      errorCodes,
    };
  });
}
