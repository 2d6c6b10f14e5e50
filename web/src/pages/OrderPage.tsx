import { useEffect } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { CancelOrderDocument, OrderDocument } from '../generated/graphql.ts';
import { formatMoney } from '../money.ts';
import { Link } from '../router.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { cancellable, orderOutcome, refundPending } from './order-outcome.ts';

const POLL_MS = 1_000;

/**
 * One order, followed from PENDING to CONFIRMED or FAILED by polling while it is pending, with a
 * Cancel button until it ships; a cancelled order is followed until its refund has gone through.
 */
export function OrderPage({ id }: { id: string }) {
  const { data, error, loading, refetch, startPolling, stopPolling } = useQuery(OrderDocument, {
    variables: { id },
    fetchPolicy: 'cache-and-network',
  });
  const [cancelOrder, cancelState] = useMutation(CancelOrderDocument);
  const order = data?.order;
  const pending = order !== undefined && (order.status === 'PENDING' || refundPending(order));
  useEffect(() => {
    if (pending) startPolling(POLL_MS);
    else stopPolling();
    return () => stopPolling();
  }, [pending, startPolling, stopPolling]);

  const onCancel = async () => {
    // The mutation's answer updates the order's status in the cache; the refetch brings the payment.
    const result = await cancelOrder({ variables: { id } }).catch(() => undefined);
    if (result?.data) await refetch().catch(() => undefined);
  };

  if (!order) {
    if (loading) return <p aria-busy="true">Loading your order…</p>;
    return <ErrorMessage error={error ?? 'This order could not be loaded.'} retry={() => void refetch()} />;
  }
  return (
    <article className="order-page">
      <h1>Order {order.id.slice(0, 8)}</h1>
      <p className={`status status-${order.status.toLowerCase()}`} data-testid="order-status" aria-live="polite">
        {order.status}
      </p>
      <p role="status" data-testid="order-outcome">
        {orderOutcome(order)}
      </p>
      <ul className="order-lines">
        {order.lines.map((line) => (
          <li key={line.product.id}>
            {line.quantity} × <Link to={`/products/${line.product.id}`}>{line.product.name}</Link>:{' '}
            {formatMoney(line.lineTotal)}
          </li>
        ))}
      </ul>
      <p className="total">
        Total <strong>{formatMoney(order.total)}</strong>
      </p>
      <p>Placed {new Date(order.placedAt).toLocaleString()}</p>
      {cancelState.error && <ErrorMessage error={cancelState.error} />}
      {cancellable(order) && (
        <p>
          <button type="button" onClick={() => void onCancel()} disabled={cancelState.loading}>
            {cancelState.loading ? 'Cancelling…' : 'Cancel order'}
          </button>
        </p>
      )}
      <p>
        <Link to="/orders">All your orders</Link>
      </p>
    </article>
  );
}
