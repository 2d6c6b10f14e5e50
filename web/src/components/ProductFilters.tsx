import type { FormEvent } from 'react';
import { useQuery } from '@apollo/client/react';
import { CategoriesDocument } from '../generated/graphql.ts';
import { navigate } from '../router.tsx';
import { productListUrl, SORTS } from '../pages/product-list-query.ts';

/**
 * Search, category, price range, availability and ordering: each one a URL parameter. The
 * categories are asked for only once the list has settled (`listSettled`): the products are what
 * the shopper came for, and a second query answered and rendered meanwhile only delays them.
 */
export function ProductFilters({ search, listSettled }: { search: URLSearchParams; listSettled: boolean }) {
  // Without categories (catalog slow or down) the rest of the filters still work.
  const { data } = useQuery(CategoriesDocument, { skip: !listSettled });
  const apply = (changes: Record<string, string | null>) => navigate(productListUrl(search, changes));
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? '').trim() || null;
    apply({ q: value('q'), min: value('min'), max: value('max') });
  };
  const searching = Boolean(search.get('q'));
  return (
    <form className="filters" role="search" onSubmit={onSubmit} key={search.toString()}>
      <label>
        Search
        <input name="q" type="search" defaultValue={search.get('q') ?? ''} placeholder="Lamp, mug…" />
      </label>
      <label>
        Category
        <select value={search.get('category') ?? ''} onChange={(e) => apply({ category: e.target.value || null })}>
          <option value="">All</option>
          {data?.categories.map((category) => (
            <option key={category.id} value={category.id}>
              {category.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Min price
        <input name="min" type="number" min={0} step="0.01" defaultValue={search.get('min') ?? ''} />
      </label>
      <label>
        Max price
        <input name="max" type="number" min={0} step="0.01" defaultValue={search.get('max') ?? ''} />
      </label>
      <label>
        Sort
        <select value={search.get('sort') ?? ''} onChange={(e) => apply({ sort: e.target.value || null })}>
          <option value="">{searching ? 'Best match' : 'Oldest first'}</option>
          {Object.entries(SORTS)
            .filter(([, sort]) => !sort.needsSearch || searching)
            .map(([value, sort]) => (
              <option key={value} value={value}>
                {sort.label}
              </option>
            ))}
        </select>
      </label>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={search.get('stock') === '1'}
          onChange={(e) => apply({ stock: e.target.checked ? '1' : null })}
        />
        In stock only
      </label>
      <button type="submit">Search</button>
    </form>
  );
}
