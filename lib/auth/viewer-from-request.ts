import { ErrorCode, userError } from '../errors.ts';
import { bearerToken, InvalidTokenError, type TokenVerifier } from './tokens.ts';
import type { Viewer } from './viewer.ts';

/**
 * Resolves the caller from the Authorization header: null for anonymous callers, an
 * UNAUTHENTICATED error (HTTP 401) for a token that does not verify, so a bad token is never
 * silently treated as anonymous.
 */
export async function viewerFromAuthorization(
  verify: TokenVerifier,
  authorization: string | undefined,
): Promise<Viewer | null> {
  try {
    const token = bearerToken(authorization);
    return token ? await verify(token) : null;
  } catch (error) {
    if (!(error instanceof InvalidTokenError)) throw error;
    throw userError(ErrorCode.Unauthenticated, 'The access token is invalid or expired.', {
      http: { status: 401 },
    });
  }
}
