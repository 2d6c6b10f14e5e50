import { decodeJwt } from 'jose';
import type { TokenVerifier } from '#lib/auth/tokens';
import type { Viewer } from '#lib/auth/viewer';
import { BoundedMap } from '#lib/bounded-map';

interface Verified {
  viewer: Viewer;
  expiresAtMs: number;
}

/**
 * Remembers access tokens that verified, until they expire, so a client sending the same token on
 * every request costs one HMAC check per token rather than one per request. Only tokens that
 * verified are kept (a bad token is checked, and refused, every time); an entry is used only
 * before the token's own `exp`, so an expired token is refused exactly as before. Bounded: the
 * least recently used token is forgotten first and simply verified again.
 */
export function cachedTokenVerifier(verify: TokenVerifier, maxEntries = 10_000, now = Date.now): TokenVerifier {
  const cache = new BoundedMap<string, Verified>(maxEntries);
  return async (token) => {
    const known = cache.get(token);
    if (known && now() < known.expiresAtMs) return known.viewer;
    if (known) cache.delete(token);
    const viewer = Object.freeze(await verify(token));
    const { exp } = decodeJwt(token);
    if (typeof exp === 'number') cache.set(token, { viewer, expiresAtMs: exp * 1000 });
    return viewer;
  };
}
