import { describe, expect, it } from 'vitest';
import { loadManifest, operationHash } from './manifest.ts';

describe('loadManifest', () => {
  it('serves the manifest schema:check reads: every registered operation by the hash of its body', () => {
    const manifest = loadManifest('schema/persisted-query-manifest.json');
    expect(manifest.size).toBeGreaterThan(0);
    for (const [id, body] of manifest) expect(operationHash(body)).toBe(id);
  });
});
