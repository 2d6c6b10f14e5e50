import { describe, expect, it } from 'vitest';
import { chaosOptions } from './chaos-options.ts';

describe('chaosOptions', () => {
  it('has bounded defaults', () => {
    expect(chaosOptions([])).toEqual({
      durationMs: 100_000,
      users: 20,
      thinkMs: 100,
      faultMs: 5_000,
      settleMs: 90_000,
      replicas: 1,
      recoveryBoundSeconds: 2,
    });
  });

  it('takes flags', () => {
    expect(
      chaosOptions(['--duration', '60', '--fault-seconds', '3', '--settle-seconds', '30', '--logs', 'chaos.log']),
    ).toMatchObject({ durationMs: 60_000, faultMs: 3_000, settleMs: 30_000, logsFile: 'chaos.log' });
    expect(chaosOptions(['--replicas', '2'])).toMatchObject({ replicas: 2 });
    expect(chaosOptions(['--recovery-bound-seconds', '1.5'])).toMatchObject({ recoveryBoundSeconds: 1.5 });
  });

  it('refuses runs beyond the bounds or too short for their faults', () => {
    expect(() => chaosOptions(['--duration', '3600'])).toThrow(/duration/);
    expect(() => chaosOptions(['--duration', '30', '--fault-seconds', '10'])).toThrow(/fault lengths/);
    expect(() => chaosOptions(['--users', '0'])).toThrow(/users/);
    expect(() => chaosOptions(['--replicas', '0'])).toThrow(/replicas/);
  });
});
