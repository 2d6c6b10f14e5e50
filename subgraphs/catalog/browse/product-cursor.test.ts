import { describe, expect, it } from 'vitest';
import { decodeProductCursor, encodeProductCursor } from './product-cursor.ts';

const id = '0190d8f0-0000-7000-8000-000000000001';
const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as { extensions?: { code?: string; field?: string } }).extensions;
  }
  return undefined;
};

describe('product cursors', () => {
  it('round-trip the position of every ordering, and the fuzzy-search flag', () => {
    for (const position of [
      { field: 'PRICE', direction: 'ASC', key: 1999, id },
      { field: 'NAME', direction: 'DESC', key: 'Oak Lamp', id },
      { field: 'NEWEST', direction: 'DESC', key: null, id },
      { field: 'RELEVANCE', direction: 'DESC', key: 0.6079271, id, fuzzy: true },
    ] as const) {
      expect(decodeProductCursor(encodeProductCursor(position), position.field, position.direction)).toEqual(position);
    }
  });

  it('reads cursors from before orderings existed as the default order', () => {
    const legacy = Buffer.from(`cursor:v1:${id}`).toString('base64url');
    expect(decodeProductCursor(legacy, 'NEWEST', 'ASC')).toEqual({ field: 'NEWEST', direction: 'ASC', key: null, id });
  });

  it('refuses forged, foreign and mistyped cursors with BAD_USER_INPUT on after', () => {
    const price = encodeProductCursor({ field: 'PRICE', direction: 'ASC', key: 1999, id });
    const forged = Buffer.from('cursor:v2:["PRICE","ASC","1999","x"]').toString('base64url');
    const wrongKey = Buffer.from(`cursor:v2:["PRICE","ASC","cheap","${id}"]`).toString('base64url');
    for (const [cursor, field, direction] of [
      ['not-a-cursor', 'PRICE', 'ASC'],
      [forged, 'PRICE', 'ASC'],
      [wrongKey, 'PRICE', 'ASC'],
      [price, 'NAME', 'ASC'],
      [price, 'PRICE', 'DESC'],
    ] as const) {
      expect(codeOf(() => decodeProductCursor(cursor, field, direction))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'after',
      });
    }
  });
});
