import DataLoader from 'dataloader';
import { uuidKeyedLoader } from '#lib/graphql/keyed-loader';
import type { Order, OrderLine, PrismaClient } from './generated/prisma/client.ts';
import type { CatalogProduct } from './catalog-client.ts';
import type { PriceCache } from './cached-catalog-client.ts';

/**
 * Per-request batching: every Order reference costs one query for all of them, every list of
 * order lines one query for all orders in the operation, every catalog price one HTTP call.
 */
export function createLoaders(prisma: PrismaClient, catalog: PriceCache, requestId: string) {
  return {
    orderById: uuidKeyedLoader(
      (ids) => prisma.order.findMany({ where: { id: { in: ids } } }),
      (order: Order) => order.id,
    ),
    linesByOrderId: new DataLoader<string, OrderLine[]>(async (orderIds) => {
      const lines = await prisma.orderLine.findMany({
        where: { orderId: { in: [...orderIds] } },
        orderBy: { id: 'asc' },
      });
      const byOrder = new Map<string, OrderLine[]>();
      for (const line of lines) byOrder.set(line.orderId, [...(byOrder.get(line.orderId) ?? []), line]);
      return orderIds.map((id) => byOrder.get(id) ?? []);
    }),
    /** A price for a cart line: possibly from the shared cache (see cached-catalog-client.ts). */
    catalogProduct: new DataLoader<string, CatalogProduct | null>((ids) =>
      catalog.cached.productsByIds(ids, requestId),
    ),
    /** Catalog's price now, for placeOrder's last check. */
    currentCatalogProduct: new DataLoader<string, CatalogProduct | null>((ids) =>
      catalog.fresh.productsByIds(ids, requestId),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
