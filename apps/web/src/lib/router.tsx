import { type AnchorHTMLAttributes, type MouseEvent, useEffect, useSyncExternalStore } from 'react';

/*
 * A small router on the History API: the server answers every non-API path with index.html, so real URLs
 * (/communes/92094) can be bookmarked, shared and reloaded. Links are real <a href> elements.
 */

const listeners = new Set<() => void>();
/** Whether the person has moved within the app since the page loaded (see {@link usePageTitle}). */
let navigatedInApp = false;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

function snapshot(): string {
  return window.location.pathname + window.location.search;
}

/** The current path and query, re-rendering on navigation. */
export function useLocation(): { readonly path: string; readonly search: URLSearchParams } {
  const href = useSyncExternalStore(subscribe, snapshot);
  const url = new URL(href, window.location.origin);
  return { path: url.pathname, search: url.searchParams };
}

/** Goes to `to`; `replace` keeps the history short for filter changes. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === snapshot()) return;
  if (!options.replace) navigatedInApp = true;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  listeners.forEach((listener) => listener());
  if (!options.replace) window.scrollTo(0, 0);
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { readonly to: string };

/** An <a> that navigates without reloading the page (a modified click still opens a new tab). */
export function Link({ to, onClick, ...rest }: LinkProps) {
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    )
      return;
    event.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={handle} {...rest} />;
}

/** Matches `/communes/:nis` against a path; returns the named parts or null. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const names: string[] = [];
  const regex = new RegExp(
    '^' +
      pattern.replace(/\/:(\w+)/g, (_, name: string) => {
        names.push(name);
        return '/([^/]+)';
      }) +
      '/?$',
  );
  const found = regex.exec(path);
  if (!found) return null;
  return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(found[i + 1] ?? '')]));
}

/**
 * Sets the document title and, after a navigation inside the app, moves focus to the page's heading so that screen
 * readers announce the new page. On a fresh load focus stays at the top, where the skip link is the first stop.
 */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} — cdce`;
    if (!navigatedInApp) return;
    const heading = document.querySelector<HTMLElement>('main h1');
    if (heading && document.activeElement !== heading && !heading.contains(document.activeElement)) {
      heading.setAttribute('tabindex', '-1');
      heading.focus({ preventScroll: true });
    }
  }, [title]);
}
