import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generatePersistedQueryManifest } from '@apollo/generate-persisted-query-manifest';
import type { Plugin } from 'vite';

const VIRTUAL_ID = 'virtual:persisted-query-ids';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

export interface PersistedQueriesOptions {
  /** Glob of the storefront's operation documents. */
  documents: string;
  /** Where Apollo's manifest (`{ format, version, operations: [{ id, name, type, body }] }`) is written. */
  manifestPath: string;
}

/**
 * Extracts the storefront's operations at build time with Apollo's manifest generator (which runs
 * them through Apollo Client's own document transforms, so each body is exactly what the client
 * would send), writes the manifest outside the public bundle, and gives the client only the
 * operation-name -> id map as `virtual:persisted-query-ids`: the bundle carries hashes, not queries.
 */
export function persistedQueries(options: PersistedQueriesOptions): Plugin {
  let ids: Record<string, string> = {};
  return {
    name: 'storefront-persisted-queries',
    async buildStart() {
      const manifest = await generatePersistedQueryManifest({ documents: options.documents }, undefined);
      ids = Object.fromEntries(manifest.operations.map(({ name, id }) => [name, id]));
      // The router's safelist mode reads this same file (PERSISTED_QUERIES_MANIFEST).
      mkdirSync(dirname(options.manifestPath), { recursive: true });
      writeFileSync(options.manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
      this.info(`${manifest.operations.length} persisted operations written to ${join(options.manifestPath)}`);
    },
    resolveId: (id) => (id === VIRTUAL_ID ? RESOLVED_ID : undefined),
    load: (id) => (id === RESOLVED_ID ? `export default ${JSON.stringify(ids)};` : undefined),
  };
}
