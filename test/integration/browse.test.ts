import { beforeAll, describe, expect, it } from 'vitest';
import { sharedSystem, type SharedTestSystem } from '#test/harness/system';
import { errorCodes } from '#system/graphql-client';
import { createAdmin, type SignedInUser } from '#testing/accounts';

const CREATE_CATEGORY = /* GraphQL */ `
  mutation ($input: CreateCategoryInput!) {
    createCategory(input: $input) {
      id
      slug
    }
  }
`;
const CREATE_PRODUCT = /* GraphQL */ `
  mutation ($input: CreateProductInput!) {
    createProduct(input: $input) {
      id
    }
  }
`;
const PRODUCTS = /* GraphQL */ `
  query Browse($first: Int, $after: String, $filter: ProductFilter, $orderBy: ProductOrder) {
    products(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      edges {
        cursor
        node {
          sku
          price {
            amount
          }
          category {
            slug
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

interface Page {
  products: {
    edges: { cursor: string; node: { sku: string; price: { amount: number }; category: { slug: string } | null } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

let system: SharedTestSystem;
let admin: SignedInUser;
const categoryIds: Record<string, string> = {};

// sku, name, description, price, category
const PRODUCTS_DATA: [string, string, string, number, string][] = [
  ['HP-1', 'Wireless Headphones', 'Over-ear, noise cancelling, long battery life.', 12900, 'audio'],
  ['HP-2', 'Studio Headphones', 'Closed-back monitors for mixing.', 9900, 'audio'],
  ['SPK-1', 'Bluetooth Speaker', 'Waterproof speaker with deep bass.', 4900, 'audio'],
  ['KNF-1', 'Chef Knife', 'Forged steel blade that stays sharp.', 7900, 'kitchen'],
  ['PAN-1', 'Cast Iron Pan', 'Heavy pan; sears steak, bakes bread.', 3900, 'kitchen'],
  ['KET-1', 'Electric Kettle', 'Boils water in two minutes; quiet.', 2900, 'kitchen'],
  ['MUG-1', 'Coffee Mug', 'Stoneware, keeps coffee warm.', 900, 'kitchen'],
  ['CBL-1', 'Headphone Cable', 'Spare cable for wired headphones.', 900, 'audio'],
];

const browse = async (variables: Record<string, unknown>) => {
  const response = await system.graphql<Page>({ query: PRODUCTS, variables });
  expect(response.errors).toBeUndefined();
  return response.data!.products;
};
const skus = (page: Page['products']) => page.edges.map((edge) => edge.node.sku);

/** Reads every page of a query two at a time, so each ordering's cursors are used. */
async function allPages(variables: Record<string, unknown>) {
  const seen: string[] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 20; guard += 1) {
    const page: Page['products'] = await browse({ ...variables, first: 2, after });
    seen.push(...skus(page));
    if (!page.pageInfo.hasNextPage) return seen;
    after = page.pageInfo.endCursor;
  }
  throw new Error('pagination did not end');
}

beforeAll(async () => {
  system = await sharedSystem();
  admin = await createAdmin(system);
  for (const [slug, name] of [
    ['audio', 'Audio'],
    ['kitchen', 'Kitchen'],
  ] as const) {
    const created = await system.graphql<{ createCategory: { id: string } }>({
      query: CREATE_CATEGORY,
      variables: { input: { slug, name } },
      token: admin.token,
    });
    categoryIds[slug] = created.data!.createCategory.id;
  }
  for (const [sku, name, description, amount, category] of PRODUCTS_DATA) {
    const created = await system.graphql({
      query: CREATE_PRODUCT,
      variables: {
        input: { sku, name, description, price: { amount, currency: 'USD' }, categoryId: categoryIds[category] },
      },
      token: admin.token,
    });
    expect(created.errors).toBeUndefined();
  }
});
describe('browsing products', () => {
  it('lists categories with their products', async () => {
    const response = await system.graphql<{
      categories: { slug: string; products: { edges: { node: { sku: string } }[] } }[];
    }>({ query: '{ categories { slug products(first: 10) { edges { node { sku } } } } }' });
    expect(response.data!.categories.map((category) => category.slug)).toEqual(['audio', 'kitchen']);
    expect(response.data!.categories[0]!.products.edges.map((edge) => edge.node.sku)).toEqual([
      'HP-1',
      'HP-2',
      'SPK-1',
      'CBL-1',
    ]);
  });

  it('searches names and descriptions, best match first, with stemming and typo tolerance', async () => {
    const found = skus(await browse({ filter: { search: 'headphones' } }));
    expect(found.slice(0, 2).sort()).toEqual(['HP-1', 'HP-2']);
    expect(found).toContain('CBL-1'); // "headphone" in the name, "headphones" in the description
    expect(skus(await browse({ filter: { search: 'sharp blade' } }))).toEqual(['KNF-1']);
    // A typo in a name word: no lexeme matches, the trigram similarity does.
    expect(skus(await browse({ filter: { search: 'hedphones' } }))).toEqual(expect.arrayContaining(['HP-1', 'HP-2']));
    expect(skus(await browse({ filter: { search: 'ketle' } }))).toEqual(['KET-1']);
  });

  it('filters by category, price range and combines them with a search', async () => {
    expect(skus(await browse({ filter: { categoryId: categoryIds['kitchen'], maxPrice: 3900 } })).sort()).toEqual([
      'KET-1',
      'MUG-1',
      'PAN-1',
    ]);
    expect(skus(await browse({ filter: { minPrice: 9900 } })).sort()).toEqual(['HP-1', 'HP-2']);
    expect(skus(await browse({ filter: { search: 'coffee', categoryId: categoryIds['audio'] } }))).toEqual([]);
  });

  it('pages through every ordering with stable cursors, ties broken by id', async () => {
    const all = PRODUCTS_DATA.map(([sku]) => sku);
    const byPrice = [...PRODUCTS_DATA].sort((a, b) => a[3] - b[3]);
    const priceAsc = await allPages({ orderBy: { field: 'PRICE' } });
    expect(priceAsc).toHaveLength(all.length);
    expect(priceAsc.slice(2)).toEqual(byPrice.slice(2).map(([sku]) => sku));
    // The two 900 products tie on price: the id (creation order) decides, the same on every read.
    expect(priceAsc.slice(0, 2)).toEqual(['MUG-1', 'CBL-1']);
    expect(await allPages({ orderBy: { field: 'PRICE', direction: 'DESC' } })).toEqual([...priceAsc].reverse());
    const byName = [...PRODUCTS_DATA].sort((a, b) => a[1].localeCompare(b[1])).map(([sku]) => sku);
    expect(await allPages({ orderBy: { field: 'NAME' } })).toEqual(byName);
    expect(await allPages({ orderBy: { field: 'NEWEST' } })).toEqual([...all].reverse());
    expect(await allPages({})).toEqual(all);
    const relevance = await allPages({ filter: { search: 'headphones' } });
    expect(relevance).toEqual(skus(await browse({ first: 10, filter: { search: 'headphones' } })));
  });

  it('refuses bad input with BAD_USER_INPUT naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ first: 101 }, 'first'],
      [{ after: 'bm90LWEtY3Vyc29y' }, 'after'],
      [{ filter: { minPrice: 5000, maxPrice: 100 } }, 'maxPrice'],
      [{ filter: { minPrice: -1 } }, 'minPrice'],
      [{ filter: { categoryId: 'kitchen' } }, 'categoryId'],
      [{ orderBy: { field: 'RELEVANCE' } }, 'orderBy'],
    ];
    for (const [variables, field] of cases) {
      const response = await system.graphql({ query: PRODUCTS, variables });
      expect(errorCodes(response), JSON.stringify(variables)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors![0]!.extensions?.['field']).toBe(field);
    }
    // A cursor from one ordering is refused by another: its key means something else there.
    const cursor = (await browse({ first: 1, orderBy: { field: 'PRICE' } })).pageInfo.endCursor;
    const response = await system.graphql({
      query: PRODUCTS,
      variables: { after: cursor, orderBy: { field: 'NAME' } },
    });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
  });
});
