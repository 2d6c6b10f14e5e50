import { InMemoryCache } from '@apollo/client';

/**
 * The normalised cache. Entities are stored once under their federation key (`id` on every
 * entity type), so a price or stock change fetched anywhere shows everywhere. The cart has no id:
 * there is one per signed-in person and the cache is cleared on sign-out, so it is a singleton.
 * Money is a value object: it is merged into its parent, never normalised.
 */
export function createCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      Product: { keyFields: ['id'] },
      User: { keyFields: ['id'] },
      Order: { keyFields: ['id'] },
      Payment: { keyFields: ['id'] },
      Notification: { keyFields: ['id'] },
      Cart: { keyFields: [] },
      Money: { keyFields: false, merge: true },
      Stock: { keyFields: false, merge: true },
    },
  });
}
