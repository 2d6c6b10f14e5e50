import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApolloProvider } from '@apollo/client/react';
import { createApolloClient } from './apollo/create-client.ts';
import { App } from './App.tsx';
import { ErrorBoundary } from './components/ErrorBoundary.tsx';
import { prefetchProductList } from './pages/ProductListPage.tsx';
import './styles.css';

/** The router's URL: set by the storefront server in the page, or at dev time by VITE_ROUTER_URL. */
const routerUrl =
  document.querySelector<HTMLMetaElement>('meta[name="storefront-router-url"]')?.content ||
  import.meta.env['VITE_ROUTER_URL'] ||
  'http://localhost:4000/graphql';

const client = createApolloClient(routerUrl);
prefetchProductList(client, window.location);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary>
      <ApolloProvider client={client}>
        <App />
      </ApolloProvider>
    </ErrorBoundary>
  </StrictMode>,
);
