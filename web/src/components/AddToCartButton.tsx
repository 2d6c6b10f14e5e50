import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { AddToCartDocument } from '../generated/graphql.ts';
import { finishCheckout } from '../checkout-key.ts';
import { Link, navigate } from '../router.tsx';
import { useSession } from '../use-session.ts';
import { ErrorMessage } from './ErrorMessage.tsx';

/** Adds a product to the cart; anonymous shoppers are sent to sign in first. */
export function AddToCartButton({
  productId,
  quantity = 1,
  disabled,
}: {
  productId: string;
  quantity?: number;
  disabled?: boolean;
}) {
  const session = useSession();
  const [added, setAdded] = useState(false);
  const [addToCart, { loading, error }] = useMutation(AddToCartDocument);
  const onClick = async () => {
    if (!session) return navigate(`/sign-in?next=${encodeURIComponent(window.location.pathname)}`);
    setAdded(false);
    const result = await addToCart({ variables: { productId, quantity } }).catch(() => undefined);
    if (result?.data) {
      finishCheckout();
      setAdded(true);
    }
  };
  return (
    <div className="add-to-cart">
      <button type="button" onClick={onClick} disabled={loading || disabled}>
        {loading ? 'Adding…' : 'Add to cart'}
      </button>
      {added && (
        <span role="status">
          Added. <Link to="/cart">View cart</Link>
        </span>
      )}
      {error && <ErrorMessage error={error} />}
    </div>
  );
}
