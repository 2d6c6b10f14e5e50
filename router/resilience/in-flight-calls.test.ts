import { describe, expect, it } from 'vitest';
import { createInFlightCalls } from './in-flight-calls.ts';

describe('createInFlightCalls', () => {
  it('makes one call for identical keys in flight at once, and a new one once it settled', async () => {
    const calls = createInFlightCalls<number>();
    let made = 0;
    const call = async () => {
      made += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return made;
    };
    const first = calls.run('a', call);
    const second = calls.run('a', call);
    const other = calls.run('b', call);
    expect([first.shared, second.shared, other.shared]).toEqual([false, true, false]);
    expect(await second.result).toBe(await first.result);
    await other.result;
    expect(made).toBe(2);
    expect(calls.run('a', call).shared).toBe(false);
  });

  it('shares a failure with every caller that joined, then forgets it', async () => {
    const calls = createInFlightCalls<number>();
    const failing = () => Promise.reject(new Error('down'));
    const first = calls.run('a', failing);
    const second = calls.run('a', failing);
    await expect(first.result).rejects.toThrow('down');
    await expect(second.result).rejects.toThrow('down');
    expect(calls.run('a', async () => 1).shared).toBe(false);
  });
});
