import DataLoader from 'dataloader';
import { isUuid } from '#lib/ids';
import type { PrismaClient, Product } from './generated/prisma/client.ts';

/** Per-request batching: every Product reference in one operation costs one query. */
export function createLoaders(prisma: PrismaClient) {
  return {
    productById: new DataLoader<string, Product | null>(async (ids) => {
      const products = await prisma.product.findMany({ where: { id: { in: ids.filter(isUuid) } } });
      const byId = new Map(products.map((product) => [product.id, product]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
