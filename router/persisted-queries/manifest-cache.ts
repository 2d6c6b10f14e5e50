import type { ApolloServerOptions, BaseContext } from '@apollo/server';

type PersistedQueryCache = NonNullable<
  Exclude<ApolloServerOptions<BaseContext>['persistedQueries'], false | undefined>['cache']
>;

/**
 * Apollo's APQ store, answered from the manifest and never written to: an operation known by its
 * hash alone runs only if the manifest lists it, and no client can register a new one.
 */
export const manifestCache = (manifest: ReadonlyMap<string, string>): PersistedQueryCache => ({
  // Apollo prefixes the keys it asks for ("apq:<hash>"); a sha256 hex id holds no colon.
  get: async (key) => manifest.get(key.slice(key.lastIndexOf(':') + 1)),
  set: async () => {},
  delete: async () => false,
});
