import { describe, expect, it } from 'vitest';
import { errorsByPhase, phasesOf } from './phases.ts';

describe('phasesOf', () => {
  it('puts a calm stretch around every fault window', () => {
    expect(
      phasesOf(0, 100, [
        { fault: 'a', start: 10, end: 20 },
        { fault: 'b', start: 50, end: 60 },
      ]),
    ).toEqual([
      { name: 'before faults', start: 0, end: 10 },
      { name: 'during a', start: 10, end: 20 },
      { name: 'after a', start: 20, end: 50 },
      { name: 'during b', start: 50, end: 60 },
      { name: 'after b', start: 60, end: 100 },
    ]);
  });

  it('is one phase without faults', () => {
    expect(phasesOf(0, 5, [])).toEqual([{ name: 'whole run', start: 0, end: 5 }]);
  });
});

describe('errorsByPhase', () => {
  const sample = (at: number, operation: string, errorCode?: string) => ({ at, operation, milliseconds: 1, errorCode });
  const phases = phasesOf(0, 30, [{ fault: 'outage', start: 10, end: 20 }]);
  const samples = [
    sample(1, 'browse'),
    sample(10, 'browse', 'HTTP 502'),
    sample(12, 'placeOrder'),
    sample(19, 'browse', 'INTERNAL_SERVER_ERROR'),
    sample(20, 'browse'),
  ];

  it('sorts samples into the phase they finished in, start inclusive, end exclusive', () => {
    expect(errorsByPhase(samples, phases)).toEqual([
      { phase: 'before faults', requests: 1, errors: 0, errorCodes: {} },
      { phase: 'during outage', requests: 3, errors: 2, errorCodes: { 'HTTP 502': 1, INTERNAL_SERVER_ERROR: 1 } },
      { phase: 'after outage', requests: 1, errors: 0, errorCodes: {} },
    ]);
  });

  it('counts only the operations it is asked about', () => {
    const [, during] = errorsByPhase(samples, phases, ({ operation }) => operation === 'placeOrder');
    expect(during).toEqual({ phase: 'during outage', requests: 1, errors: 0, errorCodes: {} });
  });
});
