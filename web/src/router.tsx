// SPDX-License-Identifier: MIT
/**
 * A tiny client-side router over the History API: the server answers every extension-less path with index.html,
 * so `/runs/abc` can be bookmarked and reloaded.
 */
import { useEffect, useState } from 'react';
import type { AnchorHTMLAttributes, MouseEvent, ReactNode } from 'react';

const NAVIGATE_EVENT = 'endotwin:navigate';

/** The current location as the app routes on it. */
export interface Location {
  /** e.g. `/runs/abc` */
  readonly path: string;
  readonly query: URLSearchParams;
}

function currentLocation(): Location {
  return { path: window.location.pathname, query: new URLSearchParams(window.location.search) };
}

/** Asked before each in-app navigation; answers `false` to stay (e.g. unsaved edits the user wants to keep). */
type NavigationGuard = () => boolean;
let guard: NavigationGuard | null = null;

/**
 * Installs the one navigation guard (an editor with unsaved edits); returns the function that removes it. The
 * browser's own leaving (reload, closing the tab) is asked about through `beforeunload` as well.
 */
export function setNavigationGuard(next: NavigationGuard): () => void {
  guard = next;
  return () => {
    if (guard === next) guard = null;
  };
}

/** Goes to `href` (path and query) without reloading the page, unless the navigation guard says to stay. */
export function navigate(href: string, options: { replace?: boolean; force?: boolean } = {}): void {
  if (!options.force && guard && !guard()) return;
  if (options.replace) window.history.replaceState(null, '', href);
  else window.history.pushState(null, '', href);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
  window.scrollTo(0, 0);
}

/** The current location; re-renders on navigation and on the browser's back and forward buttons. */
export function useLocation(): Location {
  const [location, setLocation] = useState(currentLocation);
  useEffect(() => {
    const update = (): void => setLocation(currentLocation());
    window.addEventListener('popstate', update);
    window.addEventListener(NAVIGATE_EVENT, update);
    // A child's effect may have navigated before this listener existed (children's effects run first).
    update();
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(NAVIGATE_EVENT, update);
    };
  }, []);
  return location;
}

/** Matches `/runs/:id`-style patterns; returns the named segments or `null`. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(':')) params[want[i].slice(1)] = decodeURIComponent(have[i]);
    else if (want[i] !== have[i]) return null;
  }
  return params;
}

function isPlainLeftClick(event: MouseEvent): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}

/** An `<a>` that navigates inside the app (a modified click still opens a new tab). */
export function Link(
  props: { href: string; children: ReactNode } & AnchorHTMLAttributes<HTMLAnchorElement>,
): ReactNode {
  const { href, children, onClick, ...rest } = props;
  return (
    <a
      href={href}
      {...rest}
      onClick={(event) => {
        onClick?.(event);
        if (event.defaultPrevented || !isPlainLeftClick(event)) return;
        event.preventDefault();
        navigate(href);
      }}
    >
      {children}
    </a>
  );
}
