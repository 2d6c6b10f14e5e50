import { describe, expect, it } from 'vitest';
import { GraphQLError } from 'graphql';
import { decodeCursor, encodeCursor, MAX_PAGE_SIZE, pageRequest, toConnection } from './pagination.ts';

const id = (n: number) => `01900000-0000-7000-8000-${String(n).padStart(12, '0')}`;

function codeOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error instanceof GraphQLError ? error.extensions['code'] : error;
  }
  return undefined;
}

describe('pagination', () => {
  it('round-trips a cursor without exposing the id in clear text', () => {
    const cursor = encodeCursor(id(1));
    expect(cursor).not.toContain(id(1));
    expect(decodeCursor(cursor)).toBe(id(1));
  });

  it.each(['', 'garbage', encodeCursor('not-a-uuid'), Buffer.from(id(1)).toString('base64url')])(
    'refuses the cursor %j with BAD_USER_INPUT',
    (cursor) => {
      expect(codeOf(() => decodeCursor(cursor))).toBe('BAD_USER_INPUT');
    },
  );

  it('reads one row more than the page to learn whether another page follows', () => {
    expect(pageRequest({ first: 10 })).toEqual({ take: 11, size: 10, afterId: null });
    expect(pageRequest({}).size).toBe(20);
  });

  it.each([0, -1, MAX_PAGE_SIZE + 1, 2.5])('refuses first = %d', (first) => {
    expect(codeOf(() => pageRequest({ first }))).toBe('BAD_USER_INPUT');
  });

  it('builds edges and page info from the rows read', () => {
    const request = pageRequest({ first: 2 });
    const full = toConnection([{ id: id(1) }, { id: id(2) }, { id: id(3) }], request);
    expect(full.edges.map((edge) => edge.node.id)).toEqual([id(1), id(2)]);
    expect(full.pageInfo).toEqual({ hasNextPage: true, endCursor: encodeCursor(id(2)) });
    const last = toConnection([{ id: id(3) }], request);
    expect(last.pageInfo).toEqual({ hasNextPage: false, endCursor: encodeCursor(id(3)) });
    expect(toConnection([], request).pageInfo).toEqual({ hasNextPage: false, endCursor: null });
  });
});
