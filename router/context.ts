import type { Viewer } from '#lib/auth/viewer';

/** What the router knows about one incoming operation. */
export interface RouterContext {
  requestId: string;
  /** The caller's header, forwarded as-is so subgraphs can verify it themselves. */
  authorization: string | undefined;
  viewer: Viewer | null;
}
