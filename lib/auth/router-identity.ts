import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { cachedTokenVerifier } from './cached-token-verifier.ts';
import { Role, type Viewer } from './viewer.ts';

/** The header the router puts its signed statement of the caller's identity in. */
export const ROUTER_IDENTITY_HEADER = 'x-router-identity';

const ALGORITHM = 'HS256';
const ISSUER = 'commerce-router';
const AUDIENCE = 'commerce-subgraphs';
// Long enough for a slow operation's last subgraph call, short enough that a leaked header is soon useless.
const TTL_SECONDS = 60;
const encoder = new TextEncoder();

/** What a subgraph learns from the router about one operation. */
export interface RouterIdentity {
  requestId: string;
  viewer: Viewer | null;
  /**
   * The address the router saw the request come from, for limits a subgraph keeps per client
   * (accounts limits sign-ins per address); absent on service-to-service calls.
   */
  clientIp?: string | undefined;
}

/**
 * Signs, once per operation, a short-lived internal JWT saying which request this is and who the
 * router verified the caller to be (no subject for an anonymous caller). Subgraphs trust only this,
 * never a client's own headers, and refuse any request that lacks it.
 */
export function createRouterIdentitySigner(secret: string) {
  const key = encoder.encode(secret);
  return ({ requestId, viewer, clientIp }: RouterIdentity): Promise<string> => {
    const jwt = new SignJWT({ ...(viewer ? { role: viewer.role } : {}), ...(clientIp ? { ip: clientIp } : {}) })
      .setProtectedHeader({ alg: ALGORITHM })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setJti(requestId)
      .setIssuedAt()
      .setExpirationTime(`${TTL_SECONDS}s`);
    return (viewer ? jwt.setSubject(viewer.userId) : jwt).sign(key);
  };
}

export type RouterIdentitySigner = ReturnType<typeof createRouterIdentitySigner>;

/** Thrown when a request's router identity is missing, forged, expired or malformed. */
export class InvalidRouterIdentityError extends Error {
  override readonly name = 'InvalidRouterIdentityError';
}

/**
 * Verifies the router's statement and returns the request id and caller it vouches for.
 *
 * The router reuses one statement per caller for 30 s (`cachedIdentitySigner`), so a subgraph sees
 * the same header on many requests: a statement that verified is remembered until its own `exp`
 * (`cachedTokenVerifier`; an HMAC through WebCrypto per request was 8 % of the orders subgraph
 * under checkout load).
 */
export function createRouterIdentityVerifier(secret: string, maxEntries = 10_000, now = Date.now) {
  const key = encoder.encode(secret);
  const verify = cachedTokenVerifier(
    async (token: string): Promise<RouterIdentity> => {
      try {
        const { payload } = await jwtVerify(token, key, {
          algorithms: [ALGORITHM],
          issuer: ISSUER,
          audience: AUDIENCE,
          currentDate: new Date(now()),
        });
        const role = payload['role'];
        if (!payload.jti) throw new InvalidRouterIdentityError('router identity has no request id');
        const clientIp = typeof payload['ip'] === 'string' ? payload['ip'] : undefined;
        if (!payload.sub) return { requestId: payload.jti, viewer: null, clientIp };
        if (role !== Role.Customer && role !== Role.Admin) throw new InvalidRouterIdentityError('unknown role');
        return { requestId: payload.jti, viewer: Object.freeze({ userId: payload.sub, role }), clientIp };
      } catch (error) {
        if (error instanceof joseErrors.JOSEError) throw new InvalidRouterIdentityError(error.code);
        throw error;
      }
    },
    maxEntries,
    now,
  );
  return async (token: string | undefined): Promise<RouterIdentity> => {
    if (!token) throw new InvalidRouterIdentityError('no router identity');
    return verify(token);
  };
}

export type RouterIdentityVerifier = ReturnType<typeof createRouterIdentityVerifier>;
