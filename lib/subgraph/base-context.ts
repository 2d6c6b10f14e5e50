import type { Logger } from '../logger.ts';
import type { Viewer } from '../auth/viewer.ts';
import { ErrorCode, userError } from '../errors.ts';
import {
  InvalidRouterIdentityError,
  ROUTER_IDENTITY_HEADER,
  type RouterIdentityVerifier,
} from '../auth/router-identity.ts';
import type { RequestInfo } from '../http/start-graphql-server.ts';

/** What every subgraph's per-request context starts from. */
export interface BaseContext {
  requestId: string;
  logger: Logger;
  viewer: Viewer | null;
  /** The caller's address as the router saw it (see RouterIdentity); null when it did not say. */
  clientIp: string | null;
}

/**
 * Takes the caller only from the router's signed identity header: a request that did not come
 * through the router (no header, a forged or expired one) is refused with UNAUTHENTICATED before
 * any resolver runs, whatever Authorization header it carries.
 */
export async function createBaseContext(
  { req, requestId }: RequestInfo,
  verifyIdentity: RouterIdentityVerifier,
  logger: Logger,
): Promise<BaseContext> {
  try {
    const identity = await verifyIdentity(req.header(ROUTER_IDENTITY_HEADER));
    // The logger adds the request id (and operation, trace) to every line itself: see lib/log-context.ts.
    return { requestId, viewer: identity.viewer, clientIp: identity.clientIp ?? null, logger };
  } catch (error) {
    if (!(error instanceof InvalidRouterIdentityError)) throw error;
    logger.warn({ requestId, reason: error.message }, 'refused a request without a valid router identity');
    throw userError(ErrorCode.Unauthenticated, 'This service only answers requests that come through the router.', {
      http: { status: 401 },
    });
  }
}
