import { uuidKeyedLoader } from '#lib/graphql/keyed-loader';
import type { Category, PrismaClient, Product } from './generated/prisma/client.ts';

/** Per-request batching: every Product reference in one operation costs one query. */
export function createLoaders(prisma: PrismaClient) {
  return {
    productById: uuidKeyedLoader(
      (ids) => prisma.product.findMany({ where: { id: { in: ids } } }),
      (product: Product) => product.id,
    ),
    categoryById: uuidKeyedLoader(
      (ids) => prisma.category.findMany({ where: { id: { in: ids } } }),
      (category: Category) => category.id,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
