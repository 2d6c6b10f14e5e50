import { describe, expect, it } from 'vitest';
import { operationNameOf } from './operation-name.ts';

describe('operationNameOf', () => {
  it('prefers the operationName the client sent', () => {
    expect(operationNameOf({ operationName: 'B', query: 'query A { a } query B { b }' })).toBe('B');
  });

  it('falls back to the first operation the document names, after comments', () => {
    expect(operationNameOf({ query: '# cart\n  mutation AddToCart($id: ID!) { addToCart(productId: $id) }' })).toBe(
      'AddToCart',
    );
  });

  it('joins the names of a batch', () => {
    expect(operationNameOf([{ operationName: 'A' }, { query: 'query B { b }' }, { query: '{ anonymous }' }])).toBe(
      'A,B',
    );
  });

  it('is undefined for anonymous operations and bodies that are not GraphQL requests', () => {
    expect(operationNameOf({ query: '{ products { id } }' })).toBeUndefined();
    expect(operationNameOf(undefined)).toBeUndefined();
    expect(operationNameOf('query A { a }')).toBeUndefined();
    expect(operationNameOf({ query: 42 })).toBeUndefined();
  });

  it('cuts a client-chosen name short and reads at most ten operations of a batch', () => {
    expect(operationNameOf({ operationName: 'N'.repeat(10_000) })).toHaveLength(100);
    expect(
      operationNameOf(Array.from({ length: 1_000 }, (_, i) => ({ operationName: `Op${i}` })))?.split(','),
    ).toHaveLength(10);
  });
});
