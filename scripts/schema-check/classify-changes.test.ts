import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { coordinateOf, diffSchemas } from './classify-changes.ts';

describe('coordinateOf', () => {
  it.each([
    ['Product', 'Product'],
    ['Product.price', 'Product.price'],
    ['Query.products.first', 'Query.products(first:)'],
    ['Query.products.@deprecated', 'Query.products @deprecated'],
    ['.@link', 'schema @link'],
    ['@adminOnly', '@adminOnly'],
    ['@adminOnly.reason', '@adminOnly(reason:)'],
  ])('writes %s as %s', (path, coordinate) => {
    expect(coordinateOf(path)).toBe(coordinate);
  });
});

describe('diffSchemas', () => {
  it('lists breaking changes first, with the coordinate and why', async () => {
    const base = buildSchema('type Query { a: Int b(x: Int): String }');
    const next = buildSchema('type Query { b(x: Int!): String c: Int }');
    const changes = await diffSchemas(base, next);
    expect(changes.map(({ level, coordinate }) => `${level} ${coordinate}`)).toEqual([
      'breaking Query.a',
      'breaking Query.b(x:)',
      'safe Query.c',
    ]);
    expect(changes[1]?.reason).toMatch(/argument/);
  });

  it('reports a deprecation once, not also as a directive usage', async () => {
    const base = buildSchema('type Query { a: Int }');
    const next = buildSchema('type Query { a: Int @deprecated(reason: "use b") }');
    expect((await diffSchemas(base, next)).map(({ type }) => type)).toEqual(['FIELD_DEPRECATION_ADDED']);
  });
});
