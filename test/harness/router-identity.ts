import { randomUUID } from 'node:crypto';
import { createRouterIdentitySigner, ROUTER_IDENTITY_HEADER } from '#lib/auth/router-identity';
import type { Viewer } from '#lib/auth/viewer';
import { BASE_ENV } from './system.ts';

const sign = createRouterIdentitySigner(BASE_ENV.ROUTER_SIGNING_SECRET);

/**
 * Headers that make a request sent straight to a subgraph look as if the router sent it for
 * `viewer`, for tests that exercise a subgraph's entity resolvers directly.
 */
export async function asRouterFor(viewer: Viewer | null): Promise<Record<string, string>> {
  return { [ROUTER_IDENTITY_HEADER]: await sign({ requestId: randomUUID(), viewer }) };
}
