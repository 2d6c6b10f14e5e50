import { describe, expect, it } from 'vitest';
import { createLatencyRecorder, percentile } from './latency-recorder.ts';

describe('percentile', () => {
  it('takes the nearest rank', () => {
    const sorted = Array.from({ length: 100 }, (_, index) => index + 1);
    expect(percentile(sorted, 0.5)).toBe(50);
    expect(percentile(sorted, 0.95)).toBe(95);
    expect(percentile(sorted, 0.99)).toBe(99);
    expect(percentile([7], 0.99)).toBe(7);
  });

  it('is 0 without samples rather than undefined', () => {
    expect(percentile([], 0.5)).toBe(0);
  });
});

describe('createLatencyRecorder', () => {
  it('keeps operations apart and counts errors by code', () => {
    const recorder = createLatencyRecorder();
    recorder.record('browse', 30);
    recorder.record('browse', 10);
    recorder.record('checkout', 50, 'INSUFFICIENT_STOCK');
    recorder.record('checkout', 70, 'HTTP 503');
    recorder.record('checkout', 60);
    const [browse, checkout] = recorder.stats();
    expect(browse).toMatchObject({ operation: 'browse', requests: 2, errors: 0, p50Ms: 10, p99Ms: 30 });
    expect(checkout).toMatchObject({
      requests: 3,
      errors: 2,
      errorCodes: { INSUFFICIENT_STOCK: 1, 'HTTP 503': 1 },
      p50Ms: 60,
    });
  });

  it('shows every request to its observer, failures with their code', () => {
    const seen: unknown[] = [];
    const recorder = createLatencyRecorder((sample) => seen.push(sample));
    recorder.record('browse', 12);
    recorder.record('checkout', 40, 'NETWORK');
    expect(seen).toEqual([
      { operation: 'browse', at: expect.any(Number), milliseconds: 12, errorCode: undefined },
      { operation: 'checkout', at: expect.any(Number), milliseconds: 40, errorCode: 'NETWORK' },
    ]);
  });
});
