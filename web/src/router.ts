import { useEffect, useState } from 'preact/hooks';

// Client-side navigation: the server answers index.html for every page path, and this
// module keeps the current path in sync with the History API. `navigate` takes a path with an
// optional query ("/connexion?retour=/plan"); pages are chosen by the path alone.
const listeners = new Set<(path: string) => void>();

export function navigate(to: string): void {
  const url = new URL(to, window.location.href);
  if (url.pathname + url.search === window.location.pathname + window.location.search) return;
  window.history.pushState(null, '', url.pathname + url.search + url.hash);
  listeners.forEach((l) => l(url.pathname));
  window.scrollTo(0, 0);
}

export function usePath(): string {
  const [path, setPath] = useState(window.location.pathname);
  useEffect(() => {
    const onPop = () => setPath(window.location.pathname);
    listeners.add(setPath);
    window.addEventListener('popstate', onPop);
    return () => {
      listeners.delete(setPath);
      window.removeEventListener('popstate', onPop);
    };
  }, []);
  return path;
}

// Lets plain <a href="/…"> links inside the app navigate without a reload (a link to a place
// on the same page is left to the browser).
export function interceptLinks(root: HTMLElement): () => void {
  const onClick = (e: MouseEvent) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const a = (e.target as Element | null)?.closest?.('a');
    if (!a || a.target || a.hasAttribute('download') || !a.hasAttribute('href')) return;
    const url = new URL(a.href, window.location.href);
    if (url.origin !== window.location.origin || url.pathname.startsWith('/api/')) return;
    if (url.hash && url.pathname === window.location.pathname && url.search === window.location.search) return;
    e.preventDefault();
    navigate(url.pathname + url.search);
  };
  root.addEventListener('click', onClick);
  return () => root.removeEventListener('click', onClick);
}
