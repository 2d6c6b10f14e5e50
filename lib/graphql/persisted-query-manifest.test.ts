import { describe, expect, it } from 'vitest';
import { createManifest, operationHash, parseManifest, serializeManifest } from './persisted-query-manifest.ts';

const BODY = 'query Me { me { id } }';

describe('persisted-query manifest', () => {
  it("writes Apollo's format, keyed by the sha256 of the exact body, and reads it back", () => {
    const manifest = createManifest([{ body: BODY, where: 'a.ts' }]);
    expect(manifest).toEqual({
      format: 'apollo-persisted-query-manifest',
      version: 1,
      operations: [{ id: operationHash(BODY), name: 'Me', type: 'query', body: BODY }],
    });
    expect(parseManifest(serializeManifest(manifest), 'm.json')).toEqual(manifest);
  });

  it.each([
    ['an anonymous operation', '{ me { id } }', /anonymous/],
    ['two operations in one text', 'query A { me { id } } query B { me { id } }', /exactly one/],
  ])('refuses %s', (_case, body, message) => {
    expect(() => createManifest([{ body, where: 'a.ts' }])).toThrow(message);
  });

  it('refuses two operations with one name', () => {
    expect(() =>
      createManifest([
        { body: BODY, where: 'a.ts' },
        { body: `${BODY} `, where: 'b.ts' },
      ]),
    ).toThrow(/two client operations are named Me/);
  });

  it('refuses an id that is not the hash of its body, and another format', () => {
    const manifest = createManifest([{ body: BODY, where: 'a.ts' }]);
    const tampered = { ...manifest, operations: [{ ...manifest.operations[0], body: '{ other }' }] };
    expect(() => parseManifest(JSON.stringify(tampered), 'm.json')).toThrow(/id of Me is not the sha256/);
    expect(() => parseManifest(JSON.stringify({ [operationHash(BODY)]: BODY }), 'm.json')).toThrow(/format/);
  });
});
