import type { ProductListQueryVariables } from '../generated/graphql.ts';

export const PAGE_SIZE = 24;

/**
 * The list's state lives in the URL (shareable, back-button friendly) and maps to the query's
 * variables here, in one place: a catalog filter (search, category, price, sort) is one more
 * search parameter read here and one more control in ProductFilters.
 */
export function productListVariables(search: URLSearchParams): ProductListQueryVariables {
  return { first: PAGE_SIZE, after: search.get('after') };
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
