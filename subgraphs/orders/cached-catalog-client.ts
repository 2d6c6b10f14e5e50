import type { CatalogClient, CatalogProduct } from './catalog-client.ts';

/** Two views of one price cache: `cached` answers from it, `fresh` always asks catalog (and refills it). */
export interface PriceCache {
  cached: CatalogClient;
  fresh: CatalogClient;
}

/**
 * Keeps catalog's answers for `ttlMs`, shared by every request, so a burst of carts asks catalog
 * once per product and moment instead of once per request; concurrent misses share one call, and a
 * failed call is not remembered. Cart lines may take a price up to `ttlMs` old: placeOrder re-checks
 * every line with `fresh` before anything is placed, so no order is placed at a stale price. At
 * most `maxEntries` products are kept; the oldest go first.
 */
export function createPriceCache(catalog: CatalogClient, ttlMs: number, maxEntries = 10_000): PriceCache {
  const entries = new Map<string, { product: Promise<CatalogProduct | null>; expiresAt: number }>();
  const remember = (id: string, product: Promise<CatalogProduct | null>) => {
    entries.delete(id);
    entries.set(id, { product, expiresAt: Date.now() + ttlMs });
    product.catch(() => {
      if (entries.get(id)?.product === product) entries.delete(id);
    });
    if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
  };
  const fresh: CatalogClient = {
    async productsByIds(ids, requestId) {
      const answers = await catalog.productsByIds(ids, requestId);
      ids.forEach((id, index) => remember(id, Promise.resolve(answers[index] ?? null)));
      return answers;
    },
  };
  const cached: CatalogClient = {
    productsByIds(ids, requestId) {
      const now = Date.now();
      const missing = [...new Set(ids.filter((id) => !((entries.get(id)?.expiresAt ?? 0) > now)))];
      if (missing.length) {
        const answers = catalog.productsByIds(missing, requestId);
        missing.forEach((id, index) =>
          remember(
            id,
            answers.then((products) => products[index] ?? null),
          ),
        );
      }
      return Promise.all(ids.map((id) => entries.get(id)!.product));
    },
  };
  return ttlMs > 0 ? { cached, fresh } : { cached: catalog, fresh: catalog };
}
