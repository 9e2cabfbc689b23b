// useResource: one GET and its explicit state. A page shows exactly one of: loading, the data,
// "nothing yet" (empty), not found (404/410), forbidden (403), signed out (401), or an error
// with a retry — a failed request is never shown as an empty list, a missing thing or a refusal.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { asApiError, request, type ApiError } from './api';

export type ResourceStatus = 'idle' | 'loading' | 'ready' | 'empty' | 'not_found' | 'forbidden' | 'signed_out' | 'error';

export interface Resource<T> {
  status: ResourceStatus;
  data: T | undefined; // the last data received (kept while reloading)
  error: ApiError | undefined; // why, for not_found / forbidden / signed_out / error
  reloading: boolean; // a reload is under way while the old data stays on screen
  reload: () => Promise<void>;
}

// The status a failure shows as.
export function failureStatus(err: ApiError): ResourceStatus {
  if (err.status === 404 || err.status === 410) return 'not_found';
  if (err.status === 403) return 'forbidden';
  if (err.status === 401) return 'signed_out';
  return 'error';
}

export interface ResourceOptions<T> {
  isEmpty?: (data: T) => boolean; // data that means "nothing yet" (shown with the page's own words)
}

// Fetches `path` (nothing while it is null, e.g. until the session is known) and again whenever
// it changes or reload() is called. A reload keeps the data on screen, so forms below it keep
// what the user typed; an answer for a path no longer asked is dropped.
export function useResource<T>(path: string | null, options: ResourceOptions<T> = {}): Resource<T> {
  const [state, setState] = useState<{ status: ResourceStatus; data?: T; error?: ApiError; reloading: boolean }>({
    status: path === null ? 'idle' : 'loading',
    reloading: false,
  });
  const isEmpty = useRef(options.isEmpty);
  isEmpty.current = options.isEmpty;
  const current = useRef<AbortController | null>(null);

  const load = useCallback(
    async (keep: boolean) => {
      current.current?.abort();
      if (path === null) {
        setState({ status: 'idle', reloading: false });
        return;
      }
      const controller = new AbortController();
      current.current = controller;
      setState((s) => (keep && s.data !== undefined ? { ...s, reloading: true } : { status: 'loading', reloading: false }));
      try {
        const data = await request<T>(path, { signal: controller.signal });
        if (controller.signal.aborted) return;
        setState({ status: isEmpty.current?.(data) ? 'empty' : 'ready', data, reloading: false });
      } catch (err) {
        if (controller.signal.aborted) return;
        const e = asApiError(err);
        setState({ status: failureStatus(e), error: e, reloading: false });
      }
    },
    [path],
  );

  useEffect(() => {
    load(false);
    return () => current.current?.abort();
  }, [load]);

  const reload = useCallback(() => load(true), [load]);
  return { ...state, data: state.data, error: state.error, reload };
}
