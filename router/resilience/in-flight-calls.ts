/**
 * Shares one pending call among identical callers: while a call for `key` is in flight, another
 * caller with the same key waits for it instead of starting its own (as Hive Gateway deduplicates
 * identical subgraph requests). The entry is gone as soon as the call settles, so nothing is cached.
 *
 * Every caller gets a value of its own, since the gateway merges into the objects it is given:
 * each caller but the last takes a `copy`, all of them before the last is handed the original,
 * so a copy is never taken of a value someone already changed, whatever order callers resume in.
 */
export function createInFlightCalls<T>(copy: (value: T) => T) {
  const pending = new Map<string, { result: Promise<T>; callers: number }>();
  return {
    /** Runs `call` unless one with `key` is in flight, in which case it waits for that one. */
    async run(key: string, call: () => Promise<T>): Promise<T> {
      let entry = pending.get(key);
      if (!entry) {
        // The entry leaves the map before `result` settles, so no caller joins once one has taken.
        entry = { result: call().finally(() => pending.delete(key)), callers: 0 };
        pending.set(key, entry);
      }
      entry.callers += 1;
      const value = await entry.result;
      entry.callers -= 1;
      return entry.callers === 0 ? value : copy(value);
    },
  };
}
