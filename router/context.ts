import type { Viewer } from '#lib/auth/viewer';

/** What the router knows about one incoming operation. */
export interface RouterContext {
  requestId: string;
  viewer: Viewer | null;
  /** The router's signed statement of `viewer` (reused for a while), the only identity subgraphs accept. */
  identityToken: string;
  /** When the operation must be done by (`Date.now()` ms); subgraph calls get what is left of it. */
  deadline: number;
}
