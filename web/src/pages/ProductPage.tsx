import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { ProductPageDocument } from '../generated/graphql.ts';
import { onlyStockMissing } from '../errors.ts';
import { formatMoney } from '../money.ts';
import { Link } from '../router.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { StockBadge } from '../components/StockBadge.tsx';
import { AddToCartButton } from '../components/AddToCartButton.tsx';

export function ProductPage({ id }: { id: string }) {
  const [quantity, setQuantity] = useState(1);
  const { data, error, loading, refetch } = useQuery(ProductPageDocument, { variables: { id }, errorPolicy: 'all' });
  const product = data?.product;
  if (loading && !data) return <p aria-busy="true">Loading…</p>;
  if (!product) {
    return error ? (
      <ErrorMessage error={error} retry={() => void refetch()} />
    ) : (
      <p>
        We could not find that product. <Link to="/">Back to all products</Link>
      </p>
    );
  }
  return (
    <article className="product-page">
      <p>
        <Link to="/">← All products</Link>
      </p>
      <h1>{product.name}</h1>
      <p className="price">{formatMoney(product.price)}</p>
      <StockBadge inStock={product.inStock} available={product.stock?.available ?? null} />
      {error && !onlyStockMissing(error) && <ErrorMessage error={error} />}
      <p className="description">{product.description}</p>
      <p className="sku">SKU {product.sku}</p>
      <label>
        Quantity{' '}
        <input
          type="number"
          min={1}
          max={100}
          value={quantity}
          onChange={(event) => setQuantity(Math.min(100, Math.max(1, Number(event.target.value) || 1)))}
        />
      </label>
      <AddToCartButton productId={product.id} quantity={quantity} disabled={product.inStock === false} />
    </article>
  );
}
