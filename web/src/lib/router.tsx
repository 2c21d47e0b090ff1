import type { AnchorHTMLAttributes, ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A tiny client-side router per entry. Links to paths the current entry serves change the page
 * without a reload; any other link is an ordinary navigation (it loads another entry).
 */
let isLocal: (path: string) => boolean = () => false;
const EVENT = 'tinhso:navigate';

export function configureRouter(local: (path: string) => boolean): void {
  isLocal = local;
}

export function normalizePath(path: string): string {
  const p = path.replace(/\/+$/, '');
  return p === '' ? '/' : p;
}

export function currentPath(): string {
  return normalizePath(window.location.pathname);
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const url = new URL(to, window.location.href);
  if (url.origin !== window.location.origin || !isLocal(normalizePath(url.pathname))) {
    if (options.replace) window.location.replace(url.href);
    else window.location.assign(url.href);
    return;
  }
  if (options.replace) history.replaceState(null, '', url.href);
  else history.pushState(null, '', url.href);
  window.dispatchEvent(new Event(EVENT));
}

/** The current path; re-renders on navigation. */
export function usePath(): string {
  // Tracks the query too, so pages reading `useSearchParam` re-render when only it changes.
  const [, setLocation] = useState(() => window.location.pathname + window.location.search);
  useEffect(() => {
    const update = () => setLocation(window.location.pathname + window.location.search);
    window.addEventListener('popstate', update);
    window.addEventListener(EVENT, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(EVENT, update);
    };
  }, []);
  return currentPath();
}

export function useSearchParam(name: string): string | null {
  usePath();
  return new URLSearchParams(window.location.search).get(name);
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { href: string; children?: ComponentChildren };

export function Link({ href, onClick, ...rest }: LinkProps) {
  const path = usePath();
  const here = normalizePath(new URL(href, window.location.href).pathname) === path;
  return (
    <a
      href={href}
      aria-current={here ? 'page' : undefined}
      onClick={(event) => {
        if (typeof onClick === 'function') onClick(event);
        if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        const url = new URL(href, window.location.href);
        if (url.origin !== window.location.origin || !isLocal(normalizePath(url.pathname))) return;
        event.preventDefault();
        navigate(href);
      }}
      {...rest}
    />
  );
}

export interface Route {
  path: string;
  render: () => ComponentChildren;
}

/** Renders the route matching the path (exact match), or `fallback`. */
export function matchRoute(routes: Route[], path: string): Route | undefined {
  return routes.find((r) => r.path === path);
}

/** Sets the document title for the page being shown. */
export function useTitle(title: string, suffix = 'Tỉnh Số'): void {
  useEffect(() => {
    document.title = title ? `${title} · ${suffix}` : suffix;
  }, [title, suffix]);
}
