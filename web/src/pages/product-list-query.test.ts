import { describe, expect, it } from 'vitest';
import { PAGE_SIZE, productListUrl, productListVariables } from './product-list-query.ts';

describe('productListVariables', () => {
  it('maps every URL parameter to the catalog filter and ordering, prices in minor units', () => {
    const search = new URLSearchParams('q=lamp&category=c1&min=10&max=49.99&stock=1&sort=price-desc&after=abc');
    expect(productListVariables(search)).toEqual({
      first: PAGE_SIZE,
      after: 'abc',
      filter: { search: 'lamp', categoryId: 'c1', minPrice: 1000, maxPrice: 4999, inStock: true },
      orderBy: { field: 'PRICE', direction: 'DESC' },
    });
  });

  it('asks for the first page in the default order without parameters', () => {
    expect(productListVariables(new URLSearchParams())).toEqual({ first: PAGE_SIZE, after: null });
  });

  it('drops a relevance ordering without a search, which the catalog would refuse', () => {
    expect(productListVariables(new URLSearchParams('sort=relevance'))).not.toHaveProperty('orderBy');
  });
});

describe('productListUrl', () => {
  it('goes back to the first page when a filter changes', () => {
    expect(productListUrl(new URLSearchParams('q=lamp&after=abc'), { q: 'mug' })).toBe('/?q=mug');
  });
});
