import { useEffect, useState } from 'preact/hooks';

// Client-side navigation: the server answers index.html for every page path, and this
// module keeps the current path in sync with the History API. `navigate` takes a path with an
// optional query and fragment ("/connexion?retour=/plan", "/plan/mesures/A1.a#action-1");
// pages are chosen by the path alone. After a navigation, focus goes where a reader expects
// it: to the element the fragment names (once the page has rendered it), else to the new
// page's heading, so a keyboard or screen-reader user starts reading the new page.
const listeners = new Set<(path: string) => void>();

// How long a page may take to render the element a fragment or a focus move waits for
// (its data is fetched first).
const SETTLE_MS = 5000;

// Calls `then` with the element `find` returns, as soon as it exists (or never, after SETTLE_MS).
function whenPresent(find: () => HTMLElement | null, then: (el: HTMLElement) => void): void {
  const now = find();
  if (now) return then(now);
  const observer = new MutationObserver(() => {
    const el = find();
    if (!el) return;
    observer.disconnect();
    window.clearTimeout(timer);
    then(el);
  });
  const timer = window.setTimeout(() => observer.disconnect(), SETTLE_MS);
  observer.observe(document.body, { childList: true, subtree: true });
}

function focusElement(el: HTMLElement, scroll: boolean): void {
  if (!el.matches('a[href], button, input, select, textarea, [tabindex]')) el.setAttribute('tabindex', '-1');
  el.focus({ preventScroll: !scroll });
  if (scroll) el.scrollIntoView({ block: 'start' });
}

// Focus (and scroll) to the element a fragment names, once it is on the page.
export function focusFragment(hash: string): void {
  let id = hash.replace(/^#/, '');
  try {
    id = decodeURIComponent(id);
  } catch {
    /* keep it as written */
  }
  if (id) whenPresent(() => document.getElementById(id), (el) => focusElement(el, true));
}

// Focus to the new page's heading (its first h1 in <main>), once it is on the page. A page
// may replace its heading when its data arrives ("Plan" while loading, then the plan's
// title): focus follows to the new heading unless the user has moved it meanwhile.
function focusHeading(): void {
  const heading = () => document.querySelector<HTMLElement>('main h1');
  whenPresent(heading, (first) => {
    focusElement(first, false);
    if (!first.isConnected) return;
    const observer = new MutationObserver(() => {
      const next = heading();
      if (first.isConnected || !next) return;
      observer.disconnect();
      if (document.activeElement === document.body || document.activeElement === null) focusElement(next, false);
    });
    observer.observe(document.body, { childList: true, subtree: true });
    window.setTimeout(() => observer.disconnect(), SETTLE_MS);
  });
}

export function navigate(to: string): void {
  const url = new URL(to, window.location.href);
  const samePage = url.pathname + url.search === window.location.pathname + window.location.search;
  if (samePage && (!url.hash || url.hash === window.location.hash)) return;
  window.history.pushState(null, '', url.pathname + url.search + url.hash);
  if (!samePage) {
    listeners.forEach((l) => l(url.pathname));
    window.scrollTo(0, 0);
  }
  // After the new page's first render (Preact renders on a microtask; a timer comes after).
  window.setTimeout(() => (url.hash ? focusFragment(url.hash) : focusHeading()), 0);
}

export function usePath(): string {
  const [path, setPath] = useState(window.location.pathname);
  useEffect(() => {
    const onPop = () => setPath(window.location.pathname);
    listeners.add(setPath);
    window.addEventListener('popstate', onPop);
    // A page opened with a fragment (a link in an e-mail, a bookmark) goes there once rendered.
    if (window.location.hash) focusFragment(window.location.hash);
    return () => {
      listeners.delete(setPath);
      window.removeEventListener('popstate', onPop);
    };
  }, []);
  return path;
}

// Lets plain <a href="/…"> links inside the app navigate without a reload; a link to a place
// on the same page (the skip links, "#action-1") moves focus there.
export function interceptLinks(root: HTMLElement): () => void {
  const onClick = (e: MouseEvent) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const a = (e.target as Element | null)?.closest?.('a');
    if (!a || a.target || a.hasAttribute('download') || !a.hasAttribute('href')) return;
    const url = new URL(a.href, window.location.href);
    if (url.origin !== window.location.origin || url.pathname.startsWith('/api/')) return;
    e.preventDefault();
    if (url.hash && url.pathname === window.location.pathname && url.search === window.location.search) {
      // A skip link or an in-page link: no history entry for the skip links, focus moves.
      const target = document.getElementById(decodeURIComponent(url.hash.slice(1)));
      if (target) focusElement(target, true);
      return;
    }
    navigate(url.pathname + url.search + url.hash);
  };
  root.addEventListener('click', onClick);
  return () => root.removeEventListener('click', onClick);
}
