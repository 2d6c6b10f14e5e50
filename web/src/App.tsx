import type { ReactNode } from 'react';
import { useApolloClient } from '@apollo/client/react';
import { setSession } from './session.ts';
import { useSession } from './use-session.ts';
import { Link, navigate, useLocation } from './router.tsx';
import { ErrorBoundary } from './components/ErrorBoundary.tsx';
import { ProductListPage } from './pages/ProductListPage.tsx';
import { ProductPage } from './pages/ProductPage.tsx';
import { SignInPage } from './pages/SignInPage.tsx';
import { CartPage } from './pages/CartPage.tsx';
import { OrderPage } from './pages/OrderPage.tsx';
import { OrderHistoryPage } from './pages/OrderHistoryPage.tsx';
import { NotificationsPage } from './pages/NotificationsPage.tsx';

function Page({ pathname }: { pathname: string }): ReactNode {
  const product = /^\/products\/([^/]+)$/.exec(pathname);
  if (product) return <ProductPage id={decodeURIComponent(product[1]!)} />;
  const order = /^\/orders\/([^/]+)$/.exec(pathname);
  if (order) return <SignedIn>{<OrderPage id={decodeURIComponent(order[1]!)} />}</SignedIn>;
  switch (pathname) {
    case '/':
      return <ProductListPage />;
    case '/sign-in':
      return <SignInPage mode="sign-in" />;
    case '/sign-up':
      return <SignInPage mode="sign-up" />;
    case '/cart':
      return <SignedIn>{<CartPage />}</SignedIn>;
    case '/orders':
      return <SignedIn>{<OrderHistoryPage />}</SignedIn>;
    case '/notifications':
      return <SignedIn>{<NotificationsPage />}</SignedIn>;
    default:
      return (
        <p>
          There is no page here. <Link to="/">Back to the shop</Link>
        </p>
      );
  }
}

/** Pages about the shopper's own data ask to sign in first, then come back. */
function SignedIn({ children }: { children: ReactNode }) {
  const session = useSession();
  if (session) return children;
  const next = encodeURIComponent(window.location.pathname);
  return (
    <p>
      Please <Link to={`/sign-in?next=${next}`}>sign in</Link> or{' '}
      <Link to={`/sign-up?next=${next}`}>create an account</Link> to continue.
    </p>
  );
}

export function App() {
  const { pathname } = useLocation();
  const session = useSession();
  const client = useApolloClient();
  const signOut = async () => {
    setSession(null);
    await client.clearStore();
    navigate('/');
  };
  return (
    <>
      <header className="site-header">
        <Link to="/" className="brand">
          Commerce
        </Link>
        <nav aria-label="Main">
          <Link to="/">Products</Link>
          <Link to="/cart">Cart</Link>
          {session && <Link to="/orders">Orders</Link>}
          {session && <Link to="/notifications">Notifications</Link>}
          {session ? (
            <>
              <span className="muted">Hello, {session.user.name}</span>
              <button type="button" className="link" onClick={() => void signOut()}>
                Sign out
              </button>
            </>
          ) : (
            <Link to="/sign-in">Sign in</Link>
          )}
        </nav>
      </header>
      <main>
        {/* Keyed by path: an error on one page does not stick to the next. */}
        <ErrorBoundary key={pathname}>
          <Page pathname={pathname} />
        </ErrorBoundary>
      </main>
    </>
  );
}
