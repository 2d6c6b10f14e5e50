import DataLoader from 'dataloader';
import { uuidKeyedLoader } from '#lib/graphql/keyed-loader';
import type { Order, OrderLine, PrismaClient } from './generated/prisma/client.ts';
import type { CatalogClient, CatalogProduct } from './catalog-client.ts';

/**
 * Per-request batching: every Order reference costs one query for all of them, every list of
 * order lines one query for all orders in the operation, every catalog price one HTTP call.
 */
export function createLoaders(prisma: PrismaClient, catalog: CatalogClient, requestId: string) {
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
    catalogProduct: new DataLoader<string, CatalogProduct | null>((ids) => catalog.productsByIds(ids, requestId)),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
