import { useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

const currentUrl = () => location.pathname + location.search;

/** Goes to `to` (a path with an optional query) without reloading; `replace` leaves no history entry. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === currentUrl()) return;
  if (options.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  for (const listener of [...listeners]) listener();
}

/** The current path and query, re-rendering on navigation (the app's whole router: it has three pages). */
export function useLocation(): { path: string; query: URLSearchParams } {
  const url = useSyncExternalStore(subscribe, currentUrl);
  const parsed = new URL(url, location.origin);
  return { path: parsed.pathname.replace(/(.)\/+$/, '$1'), query: parsed.searchParams };
}
