import { useEffect } from 'react';
import type { ApolloClient } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { ProductListDocument } from '../generated/graphql.ts';
import { onlyStockMissing } from '../errors.ts';
import { formatMoney } from '../money.ts';
import { Link, useLocation } from '../router.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { StockBadge } from '../components/StockBadge.tsx';
import { AddToCartButton } from '../components/AddToCartButton.tsx';
import { ProductFilters } from '../components/ProductFilters.tsx';
import { productListUrl, productListVariables } from './product-list-query.ts';

/** A performance mark (`performance.getEntriesByName`), set once per page load. */
export const FIRST_PRODUCTS_MARK = 'storefront:first-products';

// Products still show when inventory cannot answer: their stock is null and the error says why.
const ERROR_POLICY = 'all';

/**
 * Sends the list's query for the page being opened before React renders anything. The list is
 * the landing page, and its query would otherwise wait for the whole bundle to run and the tree to
 * render; the page's useQuery then joins the request in flight (Apollo deduplicates identical
 * queries) or finds the answer in the cache, so it is sent once.
 */
export function prefetchProductList(client: ApolloClient, { pathname, search }: Location): void {
  if (pathname !== '/') return;
  const variables = productListVariables(new URLSearchParams(search));
  // A failure is the page's to show, when its own useQuery meets it.
  client.query({ query: ProductListDocument, variables, errorPolicy: ERROR_POLICY }).catch(() => undefined);
}

export function ProductListPage() {
  const { search } = useLocation();
  const { data, error, loading, refetch } = useQuery(ProductListDocument, {
    variables: productListVariables(search),
    errorPolicy: ERROR_POLICY,
  });
  const products = data?.products;
  const shown = Boolean(products?.edges.length);
  useEffect(() => {
    // The moment the first products are on screen, for real-user monitoring and the browser test.
    if (shown && performance.getEntriesByName(FIRST_PRODUCTS_MARK).length === 0) performance.mark(FIRST_PRODUCTS_MARK);
  }, [shown]);
  return (
    <section aria-labelledby="products-heading">
      <h1 id="products-heading">Products</h1>
      <ProductFilters search={search} listSettled={!loading} />
      {error && !products && <ErrorMessage error={error} retry={() => void refetch()} />}
      {error && products && onlyStockMissing(error) && (
        <p className="notice">Stock levels are unavailable right now; you can still browse and add to your cart.</p>
      )}
      {error && products && !onlyStockMissing(error) && <ErrorMessage error={error} />}
      {loading && !products && <p aria-busy="true">Loading products…</p>}
      {products && products.edges.length === 0 && (
        <p>{search.toString() ? 'No products match. Try fewer filters.' : 'No products yet.'}</p>
      )}
      {products && (
        <ul className="product-grid" data-testid="product-list">
          {products.edges.map(({ node }) => (
            <li key={node.id} className="product-card">
              <h2>
                <Link to={`/products/${node.id}`}>{node.name}</Link>
              </h2>
              <p className="price">{formatMoney(node.price)}</p>
              <StockBadge inStock={node.inStock} />
              <AddToCartButton productId={node.id} disabled={node.inStock === false} />
            </li>
          ))}
        </ul>
      )}
      <nav className="pager" aria-label="Pages">
        {search.get('after') && <Link to={productListUrl(search, {})}>First page</Link>}
        {products?.pageInfo.hasNextPage && products.pageInfo.endCursor && (
          <Link to={productListUrl(search, { after: products.pageInfo.endCursor })}>Next page</Link>
        )}
      </nav>
    </section>
  );
}
