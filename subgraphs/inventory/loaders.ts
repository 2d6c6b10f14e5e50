import DataLoader from 'dataloader';
import { uuidKeyedLoader } from '#lib/graphql/keyed-loader';
import type { PrismaClient, StockMovement } from './generated/prisma/client.ts';
import { NO_STOCK, type StockQuantities } from './stock-arithmetic.ts';

/** One page of one product's movements: `take` rows, newest first, older than `afterId`. */
export interface MovementPageKey {
  productId: string;
  take: number;
  afterId: string | null;
}

/**
 * Reads the pages of many products' movement histories in two queries: a window function ranks
 * each product's rows, so every product gets its own page however long the others' histories are.
 */
async function loadMovementPages(prisma: PrismaClient, keys: readonly MovementPageKey[]) {
  const groups = new Map<string, MovementPageKey[]>();
  for (const key of keys) {
    const group = `${key.take}:${key.afterId ?? ''}`;
    groups.set(group, [...(groups.get(group) ?? []), key]);
  }
  const pages = new Map<MovementPageKey, StockMovement[]>();
  for (const group of groups.values()) {
    const { take, afterId } = group[0]!;
    const productIds = group.map((key) => key.productId);
    const ranked = await prisma.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM (
        SELECT "id", row_number() OVER (PARTITION BY "productId" ORDER BY "id" DESC) AS "rank"
        FROM "StockMovement"
        WHERE "productId" = ANY(${productIds}::uuid[]) AND (${afterId}::uuid IS NULL OR "id" < ${afterId}::uuid)
      ) AS "ranked"
      WHERE "rank" <= ${take}`;
    const rows = await prisma.stockMovement.findMany({
      where: { id: { in: ranked.map(({ id }) => id) } },
      orderBy: { id: 'desc' },
    });
    for (const key of group)
      pages.set(
        key,
        rows.filter((row) => row.productId === key.productId),
      );
  }
  return keys.map((key) => pages.get(key) ?? []);
}

/** Per-request batching: the stock of N products costs one query, their histories two. */
export function createLoaders(prisma: PrismaClient) {
  return {
    stockByProductId: uuidKeyedLoader<StockQuantities & { productId: string }, StockQuantities>(
      (ids) => prisma.stockLevel.findMany({ where: { productId: { in: ids } } }),
      (level) => level.productId,
      NO_STOCK,
    ),
    movementsByProduct: new DataLoader<MovementPageKey, StockMovement[], string>(
      (keys) => loadMovementPages(prisma, keys),
      { cacheKeyFn: ({ productId, take, afterId }) => `${productId}:${take}:${afterId ?? ''}` },
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
