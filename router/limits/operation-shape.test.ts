import { getIntrospectionQuery, getOperationAST, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { measureOperation } from './operation-shape.ts';

const measure = (query: string) => {
  const document = parse(query);
  return measureOperation(document, getOperationAST(document)!.selectionSet);
};

/** Fragment F0 selects a field; every F(i) spreads F(i-1) twice, aliased: 2^n fields when expanded. */
const fragmentBomb = (n: number) => {
  const fragments = [`fragment F0 on Query { me { id } }`];
  for (let i = 1; i <= n; i += 1)
    fragments.push(`fragment F${i} on Query { a${i}: me { id } ...F${i - 1} ...F${i - 1} }`);
  return `query { ...F${n} } ${fragments.join(' ')}`;
};

describe('measureOperation', () => {
  it('measures depth and aliases through fragments', () => {
    expect(measure('{ a: products { ...P } } fragment P on ProductConnection { edges { node { b: sku } } }')).toEqual({
      depth: 4,
      introspectionDepth: 0,
      aliases: 2,
    });
  });

  it('measures each fragment once: 60 fragments that each spread the previous twice take milliseconds', () => {
    const started = performance.now();
    const shape = measure(fragmentBomb(60));
    expect(performance.now() - started).toBeLessThan(200);
    expect(shape.depth).toBe(2);
    // The aliases still count once per place they would execute: 2^60 - 1.
    expect(shape.aliases).toBe(2 ** 60 - 1);
  });

  it('measures introspection on its own: the standard query is 15 deep, a deeper one more', () => {
    expect(measure(getIntrospectionQuery())).toMatchObject({ depth: 0, introspectionDepth: 15 });
    const ofTypes = 'ofType { '.repeat(20) + 'name' + ' }'.repeat(20);
    expect(measure(`{ __schema { types { fields { type { ${ofTypes} } } } } }`).introspectionDepth).toBe(25);
    expect(measure(`{ products { edges { node { __type: sku } } } }`)).toMatchObject({ depth: 4, aliases: 1 });
  });

  it('counts aliases inside introspection', () => {
    expect(measure('{ a: __schema { b: types { name } } }').aliases).toBe(2);
  });
});
