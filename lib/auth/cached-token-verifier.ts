import { decodeJwt } from 'jose';
import { BoundedMap } from '../bounded-map.ts';

interface Verified<T> {
  value: T;
  expiresAtMs: number;
}

/**
 * Remembers JWTs that verified, until they expire, so a caller sending the same token on every
 * request costs one signature check per token rather than one per request: the router's access
 * tokens, and the router's identity statements at each subgraph. Only tokens that verified are
 * kept (a bad token is checked, and refused, every time); an entry is used only before the token's
 * own `exp`, so an expired token is refused exactly as before. Bounded: the least recently used
 * token is forgotten first and simply verified again. What `verify` answers is frozen, as callers
 * share it.
 */
export function cachedTokenVerifier<T extends object>(
  verify: (token: string) => Promise<T>,
  maxEntries = 10_000,
  now = Date.now,
): (token: string) => Promise<Readonly<T>> {
  const cache = new BoundedMap<string, Verified<Readonly<T>>>(maxEntries);
  return async (token) => {
    const known = cache.get(token);
    if (known && now() < known.expiresAtMs) return known.value;
    if (known) cache.delete(token);
    const value = Object.freeze(await verify(token));
    const { exp } = decodeJwt(token);
    if (typeof exp === 'number') cache.set(token, { value, expiresAtMs: exp * 1000 });
    return value;
  };
}
