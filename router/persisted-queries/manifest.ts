import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** sha256 hex of an operation's text: the id APQ clients send and the manifest is keyed by. */
export const operationHash = (query: string) => createHash('sha256').update(query).digest('hex');

const manifestSchema = z.record(z.string().regex(/^[0-9a-f]{64}$/, 'must be a sha256 hex id'), z.string().min(1));

/**
 * Reads the registered-operations manifest the client build produces: a JSON object of
 * sha256(query) -> query. Refuses, at start-up, an id that is not the hash of its query, since a
 * client would never send it and it would hide a build mistake.
 */
export function loadManifest(path: string): ReadonlyMap<string, string> {
  const entries = manifestSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  for (const [id, query] of Object.entries(entries)) {
    if (operationHash(query) !== id) throw new Error(`manifest ${path}: id ${id} is not the sha256 of its query`);
  }
  return new Map(Object.entries(entries));
}
