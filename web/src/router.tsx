import { useSyncExternalStore, type MouseEvent, type ReactNode } from 'react';

/**
 * A few lines of history-API routing: the storefront has seven pages and no nested layouts, so a
 * router library would be most of the bundle's logic for little gain.
 */
const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
};
const currentUrl = () => window.location.pathname + window.location.search;

export function navigate(to: string): void {
  window.history.pushState(null, '', to);
  window.scrollTo(0, 0);
  for (const listener of listeners) listener();
}

/** The current path and query string, re-rendering on navigation. */
export function useLocation(): { pathname: string; search: URLSearchParams } {
  const url = useSyncExternalStore(subscribe, currentUrl);
  const parsed = new URL(url, window.location.origin);
  return { pathname: parsed.pathname, search: parsed.searchParams };
}

export function Link({ to, children, className }: { to: string; children: ReactNode; className?: string }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} onClick={onClick} className={className}>
      {children}
    </a>
  );
}
