/**
 * Shares one pending call among identical callers: while a call for `key` is in flight, another
 * caller with the same key waits for it instead of starting its own (as Hive Gateway deduplicates
 * identical subgraph requests). The entry is gone as soon as the call settles, so nothing is cached.
 */
export function createInFlightCalls<T>() {
  const pending = new Map<string, Promise<T>>();
  return {
    /** Runs `call` unless one with `key` is in flight; `shared` tells whether this caller joined one. */
    run(key: string, call: () => Promise<T>): { result: Promise<T>; shared: boolean } {
      const existing = pending.get(key);
      if (existing) return { result: existing, shared: true };
      const result = call().finally(() => pending.delete(key));
      pending.set(key, result);
      return { result, shared: false };
    },
  };
}
