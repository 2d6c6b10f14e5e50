import { BrokenCircuitError } from 'cockatiel';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { breakerState, createCircuitBreaker, loadBreakerSettings } from './circuit-breaker.ts';

const down = () => Promise.reject(new Error('connection refused'));
const up = () => Promise.resolve('answer');

describe('createCircuitBreaker', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const openBreaker = async (failures = 2) => {
    const breaker = createCircuitBreaker({ failures, resetMs: 100, maxResetMs: 400 });
    for (let index = 0; index < failures; index += 1) await expect(breaker.execute(down)).rejects.toThrow('refused');
    return breaker;
  };

  it('opens after the given failures in a row and refuses calls without making them', async () => {
    const breaker = await openBreaker();
    const call = vi.fn(up);
    await expect(breaker.execute(call)).rejects.toBeInstanceOf(BrokenCircuitError);
    expect(call).not.toHaveBeenCalled();
    expect(breakerState(breaker)).toBe('open');
  });

  it('lets a trial call through after the first wait and closes when it succeeds', async () => {
    const breaker = await openBreaker();
    vi.advanceTimersByTime(99);
    await expect(breaker.execute(up)).rejects.toBeInstanceOf(BrokenCircuitError);
    vi.advanceTimersByTime(1);
    await expect(breaker.execute(up)).resolves.toBe('answer');
    expect(breakerState(breaker)).toBe('closed');
  });

  it('doubles the wait after each failed trial, up to the maximum', async () => {
    const breaker = await openBreaker();
    const waits: number[] = [];
    for (let trial = 0; trial < 4; trial += 1) {
      let waited = 0;
      for (;;) {
        const failure = await breaker.execute(down).catch((error: unknown) => error);
        if (!(failure instanceof BrokenCircuitError)) break;
        vi.advanceTimersByTime(10);
        waited += 10;
      }
      waits.push(waited);
    }
    // The first trial waited out the initial 100 ms before this loop's first attempt counted.
    expect(waits).toEqual([100, 200, 400, 400]);
  });

  it('starts again from the shortest wait once a trial closed it', async () => {
    const breaker = await openBreaker();
    vi.advanceTimersByTime(100);
    await expect(breaker.execute(down)).rejects.toThrow('refused');
    vi.advanceTimersByTime(200);
    await expect(breaker.execute(up)).resolves.toBe('answer');
    for (let index = 0; index < 2; index += 1) await expect(breaker.execute(down)).rejects.toThrow('refused');
    vi.advanceTimersByTime(100);
    await expect(breaker.execute(up)).resolves.toBe('answer');
  });

  it('does not count errors that are not outages', async () => {
    const breaker = createCircuitBreaker({ failures: 1, resetMs: 100, maxResetMs: 100 }, (error) =>
      error.message.includes('refused'),
    );
    await expect(breaker.execute(() => Promise.reject(new Error('bad input')))).rejects.toThrow('bad input');
    expect(breakerState(breaker)).toBe('closed');
  });
});

describe('loadBreakerSettings', () => {
  it('defaults to 5 failures and waits from 100 ms doubling up to 1 s', () => {
    expect(loadBreakerSettings({})).toEqual({ failures: 5, resetMs: 100, maxResetMs: 1_000 });
  });

  it('refuses a maximum wait shorter than the first, naming the variable', () => {
    expect(() =>
      loadBreakerSettings({ SUBGRAPH_BREAKER_RESET_MS: '500', SUBGRAPH_BREAKER_MAX_RESET_MS: '100' }),
    ).toThrow(/SUBGRAPH_BREAKER_MAX_RESET_MS/);
  });
});
