import { describe, expect, it, vi } from 'vitest';
import type { CatalogClient, CatalogProduct } from './catalog-client.ts';
import { createPriceCache } from './cached-catalog-client.ts';

const product = (id: string, amount: number): CatalogProduct => ({ id, price: { amount, currency: 'USD' } });

const fakeCatalog = (prices: Map<string, number>) => {
  const productsByIds = vi.fn<CatalogClient['productsByIds']>(async (ids) =>
    ids.map((id) => (prices.has(id) ? product(id, prices.get(id)!) : null)),
  );
  return { productsByIds };
};

describe('createPriceCache', () => {
  it('asks catalog once for products wanted by concurrent requests, then answers from the cache', async () => {
    const catalog = fakeCatalog(
      new Map([
        ['a', 100],
        ['b', 200],
      ]),
    );
    const { cached } = createPriceCache(catalog, 60_000);
    const answers = await Promise.all([cached.productsByIds(['a', 'b']), cached.productsByIds(['a', 'x'])]);
    expect(answers).toEqual([
      [product('a', 100), product('b', 200)],
      [product('a', 100), null],
    ]);
    expect(await cached.productsByIds(['b'])).toEqual([product('b', 200)]);
    expect(catalog.productsByIds.mock.calls.map(([ids]) => ids)).toEqual([['a', 'b'], ['x']]);
  });

  it('always asks catalog for fresh prices, and refills the cache with them', async () => {
    const prices = new Map([['a', 100]]);
    const catalog = fakeCatalog(prices);
    const { cached, fresh } = createPriceCache(catalog, 60_000);
    await cached.productsByIds(['a']);
    prices.set('a', 150);
    expect(await cached.productsByIds(['a'])).toEqual([product('a', 100)]);
    expect(await fresh.productsByIds(['a'])).toEqual([product('a', 150)]);
    expect(await cached.productsByIds(['a'])).toEqual([product('a', 150)]);
    expect(catalog.productsByIds).toHaveBeenCalledTimes(2);
  });

  it('asks again after the time to live, and forgets a failed call', async () => {
    vi.useFakeTimers();
    try {
      const catalog = fakeCatalog(new Map([['a', 100]]));
      catalog.productsByIds.mockRejectedValueOnce(new Error('catalog down'));
      const { cached } = createPriceCache(catalog, 1_000);
      await expect(cached.productsByIds(['a'])).rejects.toThrow('catalog down');
      await cached.productsByIds(['a']);
      vi.advanceTimersByTime(1_001);
      await cached.productsByIds(['a']);
      expect(catalog.productsByIds).toHaveBeenCalledTimes(3);
    } finally {
      vi.useRealTimers();
    }
  });

  it('is a pass-through with a time to live of 0', () => {
    const catalog = fakeCatalog(new Map());
    expect(createPriceCache(catalog, 0)).toEqual({ cached: catalog, fresh: catalog });
  });
});
