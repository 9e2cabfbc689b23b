// Filters that live in the page's address (?periode=2026&territoire=93), so a filtered view can
// be bookmarked and shared: read once from the address, written back with replaceState on each
// change (the page path stays the same, so the app does not re-route).
import { useEffect, useState } from 'preact/hooks';

export function useQueryState<K extends string>(keys: readonly K[]): [Record<K, string>, (k: K, v: string) => void] {
  const read = () => {
    const q = new URLSearchParams(window.location.search);
    return Object.fromEntries(keys.map((k) => [k, q.get(k) ?? ''])) as Record<K, string>;
  };
  const [values, setValues] = useState<Record<K, string>>(read);
  useEffect(() => {
    const onPop = () => setValues(read());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const set = (k: K, v: string) => {
    const next = { ...values, [k]: v };
    setValues(next);
    const q = new URLSearchParams(window.location.search);
    for (const key of keys) (next[key] ? q.set(key, next[key]) : q.delete(key));
    const s = q.toString();
    window.history.replaceState(null, '', window.location.pathname + (s ? `?${s}` : ''));
  };
  return [values, set];
}

// The API's query string for the filters (empty ones left out).
export function apiQuery(pairs: Record<string, string>): string {
  const q = new URLSearchParams(Object.entries(pairs).filter(([, v]) => v)).toString();
  return q ? `?${q}` : '';
}
