import type { Logger } from '../logger.ts';
import type { Viewer } from '../auth/viewer.ts';
import { viewerFromAuthorization } from '../auth/viewer-from-request.ts';
import type { TokenVerifier } from '../auth/tokens.ts';
import type { RequestInfo } from '../http/start-graphql-server.ts';

/** What every subgraph's per-request context starts from. */
export interface BaseContext {
  requestId: string;
  logger: Logger;
  viewer: Viewer | null;
}

export async function createBaseContext(
  { req, requestId }: RequestInfo,
  verify: TokenVerifier,
  logger: Logger,
): Promise<BaseContext> {
  const viewer = await viewerFromAuthorization(verify, req.header('authorization'));
  return { requestId, viewer, logger: logger.child({ requestId }) };
}
