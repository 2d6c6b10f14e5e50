import { describe, expect, it } from 'vitest';
import { createInFlightCalls } from './in-flight-calls.ts';

const later = <T>(value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), 5));

describe('createInFlightCalls', () => {
  it('makes one call for identical keys in flight at once, and a new one once it settled', async () => {
    const calls = createInFlightCalls<number>((value) => value);
    let made = 0;
    const call = () => {
      made += 1;
      return later(made);
    };
    const [first, second, other] = await Promise.all([
      calls.run('a', call),
      calls.run('a', call),
      calls.run('b', call),
    ]);
    expect([first, second, other]).toEqual([1, 1, 2]);
    expect(made).toBe(2);
    await calls.run('a', call);
    expect(made).toBe(3);
  });

  it('gives each caller its own value: copies for all but the last, taken from the untouched original', async () => {
    const copies: { items: number[] }[] = [];
    const calls = createInFlightCalls<{ items: number[] }>((value) => {
      const copy = { items: [...value.items] };
      copies.push(copy);
      return copy;
    });
    const original = { items: [1] };
    const callers = [1, 2, 3].map(() =>
      calls
        .run('a', () => later(original))
        .then((value) => {
          // What the gateway does to the answers it gets: merge into them.
          value.items.push(9);
          return value;
        }),
    );
    const values = await Promise.all(callers);
    expect(copies).toHaveLength(2);
    expect(new Set(values).size).toBe(3);
    expect(values).toContain(original);
    for (const value of values) expect(value.items).toEqual([1, 9]);
  });

  it('shares a failure with every caller that joined, then forgets it', async () => {
    const calls = createInFlightCalls<number>((value) => value);
    const failing = () => Promise.reject(new Error('down'));
    const first = calls.run('a', failing);
    const second = calls.run('a', failing);
    await expect(first).rejects.toThrow('down');
    await expect(second).rejects.toThrow('down');
    await expect(calls.run('a', async () => 1)).resolves.toBe(1);
  });
});
