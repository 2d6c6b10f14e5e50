import { useState } from 'react';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import {
  CartDocument,
  PlaceOrderDocument,
  RemoveFromCartDocument,
  UpdateCartLineDocument,
} from '../generated/graphql.ts';
import { checkoutKey, finishCheckout } from '../checkout-key.ts';
import { errorCodes } from '../errors.ts';
import { formatMoney } from '../money.ts';
import { Link, navigate } from '../router.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';

export function CartPage() {
  const client = useApolloClient();
  const { data, error, loading, refetch } = useQuery(CartDocument, { fetchPolicy: 'cache-and-network' });
  const [updateLine, updateState] = useMutation(UpdateCartLineDocument);
  const [removeLine, removeState] = useMutation(RemoveFromCartDocument);
  const [placeOrder, placeState] = useMutation(PlaceOrderDocument);
  const [checkoutError, setCheckoutError] = useState<unknown>(null);

  const changeCart = async (change: () => Promise<unknown>) => {
    finishCheckout();
    setCheckoutError(null);
    await change().catch(() => undefined);
  };
  const onPlaceOrder = async () => {
    setCheckoutError(null);
    try {
      // The same key on every retry until an order comes back (see checkout-key.ts).
      const { data: placed } = await placeOrder({ variables: { idempotencyKey: checkoutKey() } });
      if (!placed) return;
      finishCheckout();
      // placeOrder emptied the cart on the server.
      client.cache.evict({ id: 'Cart:{}' });
      client.cache.gc();
      navigate(`/orders/${placed.placeOrder.id}`);
    } catch (placeError) {
      setCheckoutError(placeError);
      // Nothing was written and the cart was re-priced: show the new prices before the next try.
      if (errorCodes(placeError).includes('PRICE_CHANGED')) await refetch().catch(() => undefined);
    }
  };

  const cart = data?.cart;
  if (!cart) {
    if (loading) return <p aria-busy="true">Loading your cart…</p>;
    return <ErrorMessage error={error ?? 'Your cart could not be loaded.'} retry={() => void refetch()} />;
  }
  const busy = updateState.loading || removeState.loading || placeState.loading;
  return (
    <section aria-labelledby="cart-heading">
      <h1 id="cart-heading">Your cart</h1>
      {cart.lines.length === 0 ? (
        <p>
          Your cart is empty. <Link to="/">Browse products</Link>
        </p>
      ) : (
        <table className="cart" data-testid="cart">
          <thead>
            <tr>
              <th>Product</th>
              <th>Unit price</th>
              <th>Quantity</th>
              <th>Total</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {cart.lines.map((line) => (
              <tr key={line.product.id}>
                <td>
                  <Link to={`/products/${line.product.id}`}>{line.product.name ?? 'Product'}</Link>
                </td>
                <td>{formatMoney(line.unitPrice)}</td>
                <td>
                  <input
                    aria-label={`Quantity of ${line.product.name}`}
                    type="number"
                    min={1}
                    max={100}
                    defaultValue={line.quantity}
                    key={line.quantity}
                    disabled={busy}
                    onBlur={(event) => {
                      const quantity = Math.min(100, Math.max(1, Number(event.target.value) || 1));
                      if (quantity !== line.quantity) {
                        void changeCart(() => updateLine({ variables: { productId: line.product.id, quantity } }));
                      }
                    }}
                  />
                </td>
                <td>{formatMoney(line.lineTotal)}</td>
                <td>
                  <button
                    type="button"
                    disabled={busy}
                    onClick={() => void changeCart(() => removeLine({ variables: { productId: line.product.id } }))}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {cart.total && (
        <p className="total">
          Total <strong data-testid="cart-total">{formatMoney(cart.total)}</strong>
        </p>
      )}
      {(updateState.error || removeState.error) && <ErrorMessage error={updateState.error ?? removeState.error} />}
      {checkoutError !== null && <ErrorMessage error={checkoutError} />}
      {cart.lines.length > 0 && (
        <button type="button" className="primary" onClick={() => void onPlaceOrder()} disabled={busy}>
          {placeState.loading ? 'Placing your order…' : 'Place order'}
        </button>
      )}
    </section>
  );
}
