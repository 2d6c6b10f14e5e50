import { useQuery } from '@apollo/client/react';
import { NotificationsDocument, type NotificationTemplate } from '../generated/graphql.ts';
import { Link } from '../router.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';

/** The notification's payload is JSON whose shape the template fixes; read defensively. */
function describe(template: NotificationTemplate, payload: unknown): { text: string; orderId?: string } {
  const fields = (payload ?? {}) as { orderId?: unknown; reason?: unknown };
  const orderId = typeof fields.orderId === 'string' ? fields.orderId : undefined;
  const text =
    template === 'ORDER_CONFIRMED'
      ? 'Your order is confirmed.'
      : `Your order could not be completed${typeof fields.reason === 'string' ? `: ${fields.reason}` : ''}.`;
  return orderId ? { text, orderId } : { text };
}

export function NotificationsPage() {
  const { data, error, loading, refetch } = useQuery(NotificationsDocument, { fetchPolicy: 'cache-and-network' });
  const notifications = data?.me?.notifications.edges;
  return (
    <section aria-labelledby="notifications-heading">
      <h1 id="notifications-heading">Notifications</h1>
      {loading && !data && <p aria-busy="true">Loading…</p>}
      {error && <ErrorMessage error={error} retry={() => void refetch()} />}
      {notifications?.length === 0 && <p>Nothing yet.</p>}
      <ul className="notifications">
        {notifications?.map(({ node }) => {
          const { text, orderId } = describe(node.template, node.payload);
          return (
            <li key={node.id}>
              <time dateTime={node.createdAt}>{new Date(node.createdAt).toLocaleString()}</time> {text}{' '}
              {orderId && <Link to={`/orders/${orderId}`}>See the order</Link>}{' '}
              <span className="muted">({node.status === 'SENT' ? 'e-mailed' : node.status.toLowerCase()})</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
