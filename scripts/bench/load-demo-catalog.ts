import { createPrismaClient } from '#lib/prisma';
import { PrismaClient as CatalogClient } from '#subgraphs/catalog/generated/prisma/client';
import { PrismaClient as InventoryClient } from '#subgraphs/inventory/generated/prisma/client';
import { DEMO_CATEGORIES, demoProduct } from '../seed/demo-catalog.ts';

/**
 * Loads `count` demo products in the demo categories, with stock, straight into a private system's
 * catalog and inventory databases: the benchmarks that use it are about reading the catalog, and
 * thousands of mutations through the router would only slow their set-up.
 */
export async function loadDemoCatalog(databaseUrls: Record<string, string>, adminId: string, count: number) {
  const catalog = createPrismaClient(CatalogClient, { url: databaseUrls['catalog']!, poolSize: 2 });
  const inventory = createPrismaClient(InventoryClient, { url: databaseUrls['inventory']!, poolSize: 2 });
  try {
    await catalog.category.createMany({ data: DEMO_CATEGORIES });
    const categoryIds = new Map((await catalog.category.findMany()).map(({ id, slug }) => [slug, id]));
    const products = Array.from({ length: count }, (_, index) => demoProduct(index));
    await catalog.product.createMany({
      data: products.map(({ onHand: _onHand, category, price, ...fields }) => ({
        ...fields,
        priceAmount: price.amount,
        currency: price.currency,
        categoryId: categoryIds.get(category)!,
        createdById: adminId,
      })),
    });
    const ids = new Map(
      (await catalog.product.findMany({ select: { id: true, sku: true } })).map((p) => [p.sku, p.id]),
    );
    // Inventory's trigger writes an availability event per stocked product; the relay and the
    // catalog worker carry them over, as they would in production.
    await inventory.stockLevel.createMany({
      data: products.map(({ sku, onHand }) => ({ productId: ids.get(sku)!, onHand })),
    });
    return { categoryIds: [...categoryIds.values()], productIds: [...ids.values()] };
  } finally {
    await catalog.$disconnect();
    await inventory.$disconnect();
  }
}
