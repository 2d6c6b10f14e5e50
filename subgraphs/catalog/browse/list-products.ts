import { Prisma, type PrismaClient, type Product } from '../generated/prisma/client.ts';
import { encodeProductCursor } from './product-cursor.ts';
import type { ProductQuery } from './product-query.ts';
import type { Connection } from '#lib/graphql/pagination';

type Sql = Prisma.Sql;

/** The search as a tsquery: web-search syntax ("quoted phrases", -excluded words, or). */
const tsQuery = (search: string) => Prisma.sql`websearch_to_tsquery('english', ${search})`;

/**
 * Best match first: the full-text rank (name words weigh more than description words) plus how
 * closely the search resembles a word of the name, which is what a typo leaves to go on.
 */
const relevance = (search: string) =>
  Prisma.sql`(ts_rank(p."searchVector", ${tsQuery(search)}) + word_similarity(${search}, p."name"))`;

/** The sort key of each ordering, as SQL; NEWEST's key is the id (UUIDv7 ids sort by creation). */
function sortKey(query: ProductQuery): Sql | null {
  switch (query.field) {
    case 'RELEVANCE':
      return relevance(query.search!);
    case 'PRICE':
      return Prisma.sql`p."priceAmount"`;
    case 'NAME':
      return Prisma.sql`p."name"`;
    case 'NEWEST':
      return null;
  }
}

/** The key's value as the cursor carries it: a real for a rank, so it compares equal when read back. */
function keyParameter(query: ProductQuery, key: number | string): Sql {
  if (query.field === 'RELEVANCE') return Prisma.sql`${key}::real`;
  if (query.field === 'PRICE') return Prisma.sql`${key}::int`;
  return Prisma.sql`${key}::text`;
}

/**
 * How a search matches: by its words (the GIN index on the generated tsvector), or, for a search
 * none of whose words occur anywhere, by names with a word like it (the trigram GIN index). The
 * fallback only runs when words find nothing, since scoring similarity is the costlier test.
 */
export type SearchMode = 'words' | 'fuzzy';

function conditions(query: ProductQuery, mode: SearchMode): Sql[] {
  const where: Sql[] = [];
  if (query.search) {
    where.push(
      mode === 'words'
        ? Prisma.sql`p."searchVector" @@ ${tsQuery(query.search)}`
        : Prisma.sql`${query.search} <% p."name"`,
    );
  }
  if (query.categoryId) where.push(Prisma.sql`p."categoryId" = ${query.categoryId}::uuid`);
  if (query.minPrice != null) where.push(Prisma.sql`p."priceAmount" >= ${query.minPrice}`);
  if (query.maxPrice != null) where.push(Prisma.sql`p."priceAmount" <= ${query.maxPrice}`);
  if (query.inStock != null) {
    const available = Prisma.sql`SELECT 1 FROM "ProductAvailability" a WHERE a."productId" = p."id" AND a."inStock"`;
    where.push(query.inStock ? Prisma.sql`EXISTS (${available})` : Prisma.sql`NOT EXISTS (${available})`);
  }
  const after = query.after;
  if (after) {
    // Keyset pagination: rows strictly after (key, id) in the page's direction, which a
    // (key, id) index reads from where the last page stopped instead of skipping an offset.
    const op = Prisma.raw(query.direction === 'ASC' ? '>' : '<');
    const key = sortKey(query);
    where.push(
      key && after.key !== null
        ? Prisma.sql`(${key}, p."id") ${op} (${keyParameter(query, after.key)}, ${after.id}::uuid)`
        : Prisma.sql`p."id" ${op} ${after.id}::uuid`,
    );
  }
  return where;
}

/** The SQL of one page (exported so a test can EXPLAIN exactly what runs). */
export function productPageSql(query: ProductQuery, mode: SearchMode = query.after?.fuzzy ? 'fuzzy' : 'words'): Sql {
  const key = sortKey(query);
  const dir = Prisma.raw(query.direction);
  const where = conditions(query, mode);
  const order = key ? Prisma.sql`${key} ${dir}, p."id" ${dir}` : Prisma.sql`p."id" ${dir}`;
  return Prisma.sql`
    SELECT p."id", p."sku", p."name", p."description", p."priceAmount", p."currency", p."createdById",
           p."categoryId", p."createdAt", p."updatedAt", ${key ?? Prisma.sql`NULL`} AS "sortKey"
    FROM "Product" p
    ${where.length ? Prisma.sql`WHERE ${Prisma.join(where, ' AND ')}` : Prisma.empty}
    ORDER BY ${order}
    LIMIT ${query.take}`;
}

type Row = Product & { sortKey: number | string | null };

/**
 * One page of products for a validated query, as a Relay connection with keyset cursors. A
 * search's first page tries words, then similar names; its cursors remember which matched.
 */
export async function listProducts(prisma: PrismaClient, query: ProductQuery): Promise<Connection<Product>> {
  let mode: SearchMode = query.after?.fuzzy ? 'fuzzy' : 'words';
  let rows = await prisma.$queryRaw<Row[]>(productPageSql(query, mode));
  if (query.search && !query.after && rows.length === 0) {
    mode = 'fuzzy';
    rows = await prisma.$queryRaw<Row[]>(productPageSql(query, mode));
  }
  const page = rows.slice(0, query.size);
  const fuzzy = mode === 'fuzzy' ? { fuzzy: true } : {};
  const edges = page.map(({ sortKey: key, ...node }) => ({
    cursor: encodeProductCursor({ field: query.field, direction: query.direction, key, id: node.id, ...fuzzy }),
    node,
  }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > query.size, endCursor: edges.at(-1)?.cursor ?? null },
  };
}
