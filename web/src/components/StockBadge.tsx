/** In stock, out of stock, or unknown when inventory could not answer (never a broken page). */
export function StockBadge({ inStock, available }: { inStock: boolean | null; available?: number | null }) {
  if (inStock === null) return <span className="stock stock-unknown">Stock unavailable</span>;
  if (!inStock) return <span className="stock stock-out">Out of stock</span>;
  return <span className="stock stock-in">{available != null ? `In stock: ${available} available` : 'In stock'}</span>;
}
