import type { DocumentNode } from 'graphql';
import persistedQueryIds from 'virtual:persisted-query-ids';

/**
 * PersistedQueryLink's `generateHash`: the id the build's manifest gave the operation, looked up
 * by operation name (what @apollo/persisted-query-lists' generatePersistedQueryIdsFromManifest
 * does; that package is CommonJS and pulls all of graphql-js into the bundle, so these few lines
 * replace it). An operation missing from the manifest is a build mistake and fails loudly.
 */
export function persistedQueryId(document: DocumentNode): string {
  const operation = document.definitions.find((definition) => definition.kind === 'OperationDefinition');
  const name = operation?.name?.value;
  const id = name ? persistedQueryIds[name] : undefined;
  if (!id) throw new Error(`operation ${name ?? '(anonymous)'} is not in the persisted-query manifest`);
  return id;
}
