import { randomUUID } from 'node:crypto';
import type { RouterIdentitySigner } from './router-identity.ts';
import type { Viewer } from './viewer.ts';
import { BoundedMap } from '../bounded-map.ts';

/** Subgraphs accept a router identity for 60 s; one is reused for half of that, then signed anew. */
const REUSE_MS = 30_000;

interface Signed {
  token: string;
  signedAtMs: number;
}

/**
 * The router's identity statement for a caller, signed once per (user, role, client address) and reused for half
 * its lifetime instead of an HS256 signature per operation. What subgraphs check is unchanged:
 * signature, issuer, audience, expiry, subject and role. The token's `jti` names the token, not
 * an operation; subgraphs take the request id from `x-request-id`, as they already did. The client
 * address is part of the key because accounts limits sign-ins per address from the token's `ip`.
 */
export function cachedIdentitySigner(sign: RouterIdentitySigner, maxEntries = 10_000, now = Date.now) {
  const cache = new BoundedMap<string, Signed>(maxEntries);
  return async (viewer: Viewer | null, clientIp: string | undefined): Promise<string> => {
    const key = `${viewer ? `${viewer.role}:${viewer.userId}` : ''}@${clientIp ?? ''}`;
    const known = cache.get(key);
    if (known && now() - known.signedAtMs < REUSE_MS) return known.token;
    const signedAtMs = now();
    const token = await sign({ requestId: randomUUID(), viewer, clientIp });
    cache.set(key, { token, signedAtMs });
    return token;
  };
}
