import type { ApolloServerOptions, BaseContext } from '@apollo/server';

type PersistedQueryCache = NonNullable<
  Exclude<ApolloServerOptions<BaseContext>['persistedQueries'], false | undefined>['cache']
>;

/** The operation id in a key Apollo asks for ("apq:<hash>"); a sha256 hex id holds no colon. */
const idOf = (key: string) => key.slice(key.lastIndexOf(':') + 1);

/**
 * Apollo's APQ store, answered from the manifest and never written to: an operation known by its
 * hash alone runs only if the manifest lists it, and no client can register a new one.
 */
export const manifestCache = (manifest: ReadonlyMap<string, string>): PersistedQueryCache => ({
  get: async (key) => manifest.get(idOf(key)),
  set: async () => {},
  delete: async () => false,
});

/**
 * An APQ store that knows the manifest's operations before any client registers them: a client
 * that sends one by hash gets its answer on the first request, not PERSISTED_QUERY_NOT_FOUND and a
 * second round trip with the text. Every other operation is looked up in, and registered with, `store`.
 */
export const manifestFirst = (
  manifest: ReadonlyMap<string, string> | undefined,
  store: PersistedQueryCache,
): PersistedQueryCache =>
  manifest
    ? {
        get: async (key) => manifest.get(idOf(key)) ?? store.get(key),
        set: (key, value, options) => store.set(key, value, options),
        delete: (key) => store.delete(key),
      }
    : store;
