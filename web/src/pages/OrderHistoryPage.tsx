import { useQuery } from '@apollo/client/react';
import { OrderHistoryDocument } from '../generated/graphql.ts';
import { formatMoney } from '../money.ts';
import { Link } from '../router.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';

export function OrderHistoryPage() {
  const { data, error, loading, refetch } = useQuery(OrderHistoryDocument, { fetchPolicy: 'cache-and-network' });
  const orders = data?.me?.orders.edges;
  return (
    <section aria-labelledby="orders-heading">
      <h1 id="orders-heading">Your orders</h1>
      {loading && !data && <p aria-busy="true">Loading your orders…</p>}
      {error && <ErrorMessage error={error} retry={() => void refetch()} />}
      {orders?.length === 0 && <p>No orders yet.</p>}
      {orders && orders.length > 0 && (
        <ul className="order-history">
          {orders.map(({ node }) => (
            <li key={node.id}>
              <Link to={`/orders/${node.id}`}>{new Date(node.placedAt).toLocaleString()}</Link> {node.status}{' '}
              {formatMoney(node.total)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
