/**
 * `npm run operations:manifest`: registers the operations this repository's clients send in
 * schema/persisted-query-manifest.json, in Apollo's persisted-query manifest format. The router's
 * safelist (PERSISTED_QUERIES_MANIFEST) and `npm run schema:check` read that file.
 */
import { writeFileSync } from 'node:fs';
import { createManifest, serializeManifest } from '#lib/graphql/persisted-query-manifest';
import { clientOperations, MANIFEST_PATH } from './schema-check/client-operations.ts';

const manifest = createManifest(clientOperations().map(({ body, file }) => ({ body, where: file })));
writeFileSync(MANIFEST_PATH, serializeManifest(manifest));
console.log(`Registered ${manifest.operations.length} operations in ${MANIFEST_PATH}.`);
