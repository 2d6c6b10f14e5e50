import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { dropDatabase, ensureDatabase, withDatabaseName } from '#system/databases';
import { createPrismaClient } from '#lib/prisma';
import { TEST_SERVER_URL } from '#system/template-databases';
import { Prisma, PrismaClient } from '../../subgraphs/catalog/generated/prisma/client.ts';
import { productPageSql, type SearchMode } from '../../subgraphs/catalog/browse/list-products.ts';
import { productQuery, type ProductListArgs } from '../../subgraphs/catalog/browse/product-query.ts';
import { encodeProductCursor } from '../../subgraphs/catalog/browse/product-cursor.ts';

/**
 * Every listed browse query, EXPLAINed against 100,000 products in 20 categories (two thirds in
 * stock): each must read through an index, never scan the whole Product table.
 */
const PRODUCTS = 100_000;
const url = withDatabaseName(TEST_SERVER_URL, `test_explain_${randomUUID().slice(0, 8)}_catalog`);
let prisma: PrismaClient;
const categories: string[] = [];

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

function* nodes(node: PlanNode): Generator<PlanNode> {
  yield node;
  for (const child of node.Plans ?? []) yield* nodes(child);
}

async function explain(args: ProductListArgs, mode?: SearchMode) {
  const sql = productPageSql(productQuery(args), mode);
  const [row] = await prisma.$queryRaw<{ 'QUERY PLAN': [{ Plan: PlanNode }] }[]>(
    Prisma.sql`EXPLAIN (FORMAT JSON) ${sql}`,
  );
  const plan = row!['QUERY PLAN'][0].Plan;
  const all = [...nodes(plan)];
  return {
    text: JSON.stringify(plan),
    seqScans: all.filter((n) => n['Node Type'] === 'Seq Scan').map((n) => n['Relation Name']),
    indexes: all.flatMap((n) => (n['Index Name'] ? [n['Index Name']] : [])),
  };
}

beforeAll(async () => {
  await ensureDatabase(url, inject('templateDatabases')['catalog']);
  prisma = createPrismaClient(PrismaClient, { url, poolSize: 2 });
  await prisma.$executeRaw`
    INSERT INTO "Category" ("id", "slug", "name")
    SELECT gen_random_uuid(), 'category-' || i, 'Category ' || i FROM generate_series(1, 20) i`;
  categories.push(...(await prisma.category.findMany({ select: { id: true } })).map((c) => c.id));
  // Word lists give searches a few hundred to a few thousand matches, as real ones have.
  await prisma.$executeRaw`
    INSERT INTO "Product" ("id", "sku", "name", "description", "priceAmount", "currency", "createdById", "categoryId", "updatedAt")
    SELECT uuidv7_like, 'SKU-' || i,
           (ARRAY['Red','Blue','Steel','Oak','Linen','Ceramic','Wireless','Compact'])[1 + i % 8] || ' ' ||
           (ARRAY['Headphones','Kettle','Lamp','Chair','Backpack','Mug','Speaker','Knife','Blanket','Watch',
                  'Camera','Desk','Pan','Bottle','Jacket','Router','Keyboard','Tent','Scarf','Clock'])[1 + (i / 8) % 20] || ' ' || i,
           'A ' || (ARRAY['durable','light','quiet','warm','sharp','waterproof','soft','bright'])[1 + (i / 3) % 8] ||
           ' thing for the ' || (ARRAY['kitchen','office','garden','trail','studio','bedroom'])[1 + i % 6] || '.',
           100 + (i * 7919) % 100000, 'USD', gen_random_uuid(),
           (${categories}::uuid[])[1 + i % 20], now()
    FROM generate_series(1, ${PRODUCTS}) i,
         LATERAL (SELECT (lpad(to_hex(1700000000000 + i), 12, '0') || '7000' || '8000' || lpad(to_hex(i), 12, '0'))::uuid AS uuidv7_like) id`;
  await prisma.$executeRaw`
    INSERT INTO "ProductAvailability" ("productId", "inStock", "version")
    SELECT "id", random() < 0.67, 1 FROM "Product"`;
  await prisma.$executeRaw`ANALYZE`;
}, 300_000);

afterAll(async () => {
  await prisma?.$disconnect();
  await dropDatabase(url);
});

const lastRow = (
  field: 'NEWEST' | 'PRICE' | 'NAME' | 'RELEVANCE',
  direction: 'ASC' | 'DESC',
  key: number | string | null,
) => encodeProductCursor({ field, direction, key, id: '018bcfe5-6800-7000-8000-00000000c350' });

describe(`browse queries at ${PRODUCTS.toLocaleString('en')} products`, () => {
  // [what, arguments, the indexes any of which the plan may use, how a search matches]
  const cases: [string, () => ProductListArgs, string[], SearchMode?][] = [
    ['first page, oldest first', () => ({ first: 20 }), ['Product_pkey']],
    [
      'newest first, a later page',
      () => ({ orderBy: { field: 'NEWEST' }, after: lastRow('NEWEST', 'DESC', null) }),
      ['Product_pkey'],
    ],
    [
      'cheapest first, a later page',
      () => ({ orderBy: { field: 'PRICE' }, after: lastRow('PRICE', 'ASC', 50_000) }),
      ['Product_priceAmount_id_idx'],
    ],
    [
      'price range, dearest first',
      () => ({ filter: { minPrice: 1000, maxPrice: 2000 }, orderBy: { field: 'PRICE', direction: 'DESC' } }),
      ['Product_priceAmount_id_idx'],
    ],
    [
      'by name, a later page',
      () => ({ orderBy: { field: 'NAME' }, after: lastRow('NAME', 'ASC', 'Oak Lamp 100') }),
      ['Product_name_id_idx'],
    ],
    // 5% of the rows: reading the id order and skipping other categories stops after ~20 rows.
    [
      'category page',
      () => ({ filter: { categoryId: categories[3]! } }),
      ['Product_categoryId_id_idx', 'Product_pkey'],
    ],
    [
      'category page by price',
      () => ({ filter: { categoryId: categories[3]! }, orderBy: { field: 'PRICE' } }),
      ['Product_categoryId_priceAmount_id_idx'],
    ],
    ['search by relevance', () => ({ filter: { search: 'waterproof jacket' } }), ['Product_searchVector_idx']],
    [
      'search with a typo (no word matches)',
      () => ({ filter: { search: 'hedphones' } }),
      ['Product_name_trgm_idx'],
      'fuzzy',
    ],
    [
      'in stock, newest first',
      () => ({ filter: { inStock: true }, orderBy: { field: 'NEWEST' } }),
      ['ProductAvailability_inStock_idx', 'ProductAvailability_pkey'],
    ],
    [
      'search in a category, in stock, by price',
      () => ({ filter: { search: 'kettle', categoryId: categories[1]!, inStock: true }, orderBy: { field: 'PRICE' } }),
      ['Product_searchVector_idx', 'Product_categoryId_priceAmount_id_idx'],
    ],
  ];
  it.each(cases)('%s reads through an index', async (_name, args, indexes, mode) => {
    const plan = await explain(args(), mode);
    expect(plan.seqScans, plan.text).not.toContain('Product');
    expect(
      plan.indexes.some((index) => indexes.includes(index)),
      plan.text,
    ).toBe(true);
  });
});
