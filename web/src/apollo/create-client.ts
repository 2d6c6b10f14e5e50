import { ApolloClient, ApolloLink, HttpLink } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { errorCodes } from '../errors.ts';
import { getSession, setSession } from '../session.ts';
import { createCache } from './cache.ts';
import { persistedQueryId } from './persisted-query-id.ts';

/**
 * The client every page uses. Links, in order: the bearer token of the session; sign-out when the
 * router refuses the token; persisted queries (operations go by the id the build gave them, never
 * as text, which is what the router's safelist accepts in production); HTTP.
 */
export function createApolloClient(routerUrl: string): ApolloClient {
  const auth = new SetContextLink(({ headers }) => {
    const session = getSession();
    return { headers: { ...headers, ...(session ? { authorization: `Bearer ${session.token}` } : {}) } };
  });
  const signOutOnRefusedToken = new ErrorLink(({ error }) => {
    // A token the router refuses (expired, rotated secret) is dropped, so the next request goes
    // out anonymous and the page asks the person to sign in instead of failing on every request.
    if (errorCodes(error).includes('UNAUTHENTICATED') && getSession()) setSession(null);
  });
  const persisted = new PersistedQueryLink({ generateHash: persistedQueryId });
  return new ApolloClient({
    link: ApolloLink.from([auth, signOutOnRefusedToken, persisted, new HttpLink({ uri: routerUrl })]),
    cache: createCache(),
  });
}
