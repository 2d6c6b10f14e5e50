import { describe, expect, it } from 'vitest';
import { copyJson } from './copy-json.ts';

describe('copyJson', () => {
  const text = JSON.stringify({
    data: {
      products: [
        { __typename: 'Product', id: '1', price: 12.5, tags: ['a', 'b'], stock: null, inStock: true },
        { __typename: 'Product', id: '2', price: -0, tags: [], nested: { deeper: [[1, 2], [3]] }, inStock: false },
      ],
      '10': 'integer-like keys first, as JSON.parse orders them',
    },
    errors: [{ message: 'x', path: ['products', 1, 'stock'], extensions: { code: 'SUBGRAPH_UNAVAILABLE' } }],
  });

  it('gives a value that serialises exactly as the original', () => {
    const original: unknown = JSON.parse(text);
    expect(JSON.stringify(copyJson(original))).toBe(text);
    expect(copyJson(original)).toStrictEqual(original);
  });

  it('shares no object or array with the original, so either can be changed alone', () => {
    const original = JSON.parse(text) as { data: { products: { tags: string[]; nested?: { deeper: number[][] } }[] } };
    const copy = copyJson(original);
    copy.data.products[0]!.tags.push('c');
    copy.data.products[1]!.nested!.deeper[0]!.push(9);
    expect(JSON.stringify(original)).toBe(text);
    expect(copy.data.products).not.toBe(original.data.products);
  });

  it('passes scalars and null through', () => {
    for (const value of [null, 0, -1.5, '', 'text', true, false]) expect(copyJson(value)).toBe(value);
  });

  it('keeps a __proto__ key an own property, as JSON.parse does, instead of setting the prototype', () => {
    const original = JSON.parse('{"__proto__":{"polluted":true},"a":1}') as Record<string, unknown>;
    const copy = copyJson(original);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toEqual(['__proto__', 'a']);
    expect(JSON.stringify(copy)).toBe('{"__proto__":{"polluted":true},"a":1}');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
