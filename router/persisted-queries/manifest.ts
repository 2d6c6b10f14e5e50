import { readFileSync } from 'node:fs';
import { parseManifest } from '#lib/graphql/persisted-query-manifest';

export { operationHash } from '#lib/graphql/persisted-query-manifest';

/**
 * Reads the registered-operations manifest, in Apollo's persisted-query manifest format (the file
 * `npm run operations:manifest` writes and `npm run schema:check` checks operations from), as
 * id -> body. Ids that are not the sha256 of their body are refused at start-up.
 */
export function loadManifest(path: string): ReadonlyMap<string, string> {
  const { operations } = parseManifest(readFileSync(path, 'utf8'), path);
  return new Map(operations.map(({ id, body }) => [id, body]));
}
