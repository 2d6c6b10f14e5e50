/**
 * The signed-in person's token. Kept in memory for requests and mirrored to sessionStorage so a
 * reload or a link opened in the same tab keeps you signed in; it is gone when the tab closes and
 * is not shared with other tabs. Not localStorage: a token stolen by injected script would then
 * outlive the tab for its whole lifetime. Not a cookie: the router authenticates with a bearer
 * header, which also makes cross-site request forgery moot (a browser never attaches it by itself).
 */
export interface Session {
  token: string;
  expiresAt: string;
  user: { id: string; name: string; email: string | null };
}

const STORAGE_KEY = 'storefront.session';
const listeners = new Set<() => void>();

const readStored = (): Session | null => {
  try {
    const stored = sessionStorage.getItem(STORAGE_KEY);
    const session = stored ? (JSON.parse(stored) as Session) : null;
    return session && Date.parse(session.expiresAt) > Date.now() ? session : null;
  } catch {
    return null;
  }
};

let current: Session | null = readStored();

export const getSession = (): Session | null => {
  if (current && Date.parse(current.expiresAt) <= Date.now()) setSession(null);
  return current;
};

export function setSession(session: Session | null): void {
  current = session;
  try {
    if (session) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    else sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage can be disabled (private modes); the session then lives in memory only.
  }
  for (const listener of listeners) listener();
}

export const subscribeSession = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
