import type { GraphQLRequestContext } from '@apollo/server';

type CachePolicy = GraphQLRequestContext<object>['overallCachePolicy'];

/**
 * Narrows the operation's cache policy by a subgraph's `Cache-Control` header, as
 * RemoteGraphQLDataSource does: no max-age means 0, `private` and `public` set the scope.
 */
export function restrictCachePolicy(policy: CachePolicy | undefined, header: string | undefined): void {
  if (!policy || !('restrict' in policy)) return;
  // Parsed as @apollo/gateway's parseCacheControlHeader does.
  const directives = new Map<string, string | true>();
  if (header) {
    for (const part of header.trim().split(/\s*,\s*/)) {
      const [name = '', value] = part.split(/\s*=\s*/, 2);
      directives.set(name, value === undefined ? true : value.replace(/^"|"$/g, ''));
    }
  }
  const maxAge = directives.get('max-age');
  policy.restrict({
    maxAge: typeof maxAge === 'string' && /^[0-9]+$/.test(maxAge) ? Number(maxAge) : 0,
    ...(directives.get('private') === true ? { scope: 'PRIVATE' as const } : {}),
    ...(directives.get('public') === true ? { scope: 'PUBLIC' as const } : {}),
  });
}
