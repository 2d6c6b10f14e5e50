import type { ProductFilter, ProductListQueryVariables, ProductOrder } from '../generated/graphql.ts';

export const PAGE_SIZE = 24;

/** The orderings the list offers, by their URL value. */
export const SORTS: Readonly<Record<string, { label: string; order: ProductOrder; needsSearch?: boolean }>> = {
  relevance: { label: 'Best match', order: { field: 'RELEVANCE' }, needsSearch: true },
  newest: { label: 'Newest', order: { field: 'NEWEST' } },
  'price-asc': { label: 'Price: low to high', order: { field: 'PRICE', direction: 'ASC' } },
  'price-desc': { label: 'Price: high to low', order: { field: 'PRICE', direction: 'DESC' } },
  name: { label: 'Name', order: { field: 'NAME' } },
};

/** Whole currency units typed by the shopper ("12.5") as minor units (1250); prices here are in cents. */
const minorUnits = (value: string | null): number | undefined => {
  if (!value) return undefined;
  const amount = Number(value);
  return Number.isFinite(amount) && amount >= 0 ? Math.round(amount * 100) : undefined;
};

/**
 * The list's state lives in the URL (shareable, back-button friendly: `?q=lamp&category=<id>&min=10
 * &max=50&stock=1&sort=price-asc&after=<cursor>`) and maps to the query's variables here, in one place.
 */
export function productListVariables(search: URLSearchParams): ProductListQueryVariables {
  const filter: ProductFilter = {};
  const text = search.get('q')?.trim();
  if (text) filter.search = text;
  const category = search.get('category');
  if (category) filter.categoryId = category;
  const minPrice = minorUnits(search.get('min'));
  if (minPrice !== undefined) filter.minPrice = minPrice;
  const maxPrice = minorUnits(search.get('max'));
  if (maxPrice !== undefined) filter.maxPrice = maxPrice;
  if (search.get('stock') === '1') filter.inStock = true;
  const sort = SORTS[search.get('sort') ?? ''];
  // Relevance needs a search; without one the catalog's own default (oldest first) applies.
  const orderBy = sort && (!sort.needsSearch || text) ? sort.order : undefined;
  return {
    first: PAGE_SIZE,
    after: search.get('after'),
    ...(Object.keys(filter).length ? { filter } : {}),
    ...(orderBy ? { orderBy } : {}),
  };
}

/** The URL of the same list with some parameters changed; changing a filter goes back to page one. */
export function productListUrl(search: URLSearchParams, changes: Record<string, string | null>): string {
  const next = new URLSearchParams(search);
  if (!('after' in changes)) next.delete('after');
  for (const [name, value] of Object.entries(changes)) {
    if (value === null || value === '') next.delete(name);
    else next.set(name, value);
  }
  const query = next.toString();
  return query ? `/?${query}` : '/';
}
