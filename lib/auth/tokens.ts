import { SignJWT, jwtVerify, errors as joseErrors, type JWTHeaderParameters } from 'jose';
import { Role, type Viewer } from './viewer.ts';

export interface TokenSettings {
  /** Key id to shared secret; every key verifies, so a rotated-out key keeps working until removed. */
  keys: Record<string, string>;
  /** The key new tokens are signed with; its id goes in the token's `kid` header. */
  signingKeyId: string;
  issuer: string;
  audience: string;
}

export interface IssuedToken {
  token: string;
  expiresAt: Date;
}

const ALGORITHM = 'HS256';
const encoder = new TextEncoder();

/** Signs access tokens for the accounts subgraph with the current signing key. */
export function createTokenSigner(settings: TokenSettings, ttlSeconds: number) {
  const secret = settings.keys[settings.signingKeyId];
  if (!secret) throw new Error(`no key with id ${settings.signingKeyId}`);
  const key = encoder.encode(secret);
  return async (viewer: Viewer, now = new Date()): Promise<IssuedToken> => {
    const issuedAt = Math.floor(now.getTime() / 1000);
    const expiresAt = new Date((issuedAt + ttlSeconds) * 1000);
    const token = await new SignJWT({ role: viewer.role })
      .setProtectedHeader({ alg: ALGORITHM, kid: settings.signingKeyId })
      .setSubject(viewer.userId)
      .setIssuer(settings.issuer)
      .setAudience(settings.audience)
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .sign(key);
    return { token, expiresAt };
  };
}

/** Thrown for any token that is not one of ours, is expired, or is malformed. */
export class InvalidTokenError extends Error {
  override readonly name = 'InvalidTokenError';
}

/** Verifies the key id, signature, expiry, issuer and audience, and returns who the caller is. */
export function createTokenVerifier(settings: TokenSettings) {
  const keys = new Map(Object.entries(settings.keys).map(([id, secret]) => [id, encoder.encode(secret)]));
  const keyFor = ({ kid }: JWTHeaderParameters) => {
    const key = kid === undefined ? undefined : keys.get(kid);
    if (!key) throw new InvalidTokenError('token is signed with an unknown key id');
    return key;
  };
  return async (token: string): Promise<Viewer> => {
    try {
      const { payload } = await jwtVerify(token, keyFor, {
        algorithms: [ALGORITHM],
        issuer: settings.issuer,
        audience: settings.audience,
      });
      const role = payload['role'];
      if (!payload.sub || (role !== Role.Customer && role !== Role.Admin)) {
        throw new InvalidTokenError('token has no subject or role');
      }
      return { userId: payload.sub, role };
    } catch (error) {
      if (error instanceof InvalidTokenError) throw error;
      if (error instanceof joseErrors.JOSEError) throw new InvalidTokenError(error.code);
      throw error;
    }
  };
}

export type TokenVerifier = ReturnType<typeof createTokenVerifier>;

/** Reads `Authorization: Bearer <token>`; undefined when the caller sent none. */
export function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match?.[1]) throw new InvalidTokenError('authorization header is not a bearer token');
  return match[1];
}
