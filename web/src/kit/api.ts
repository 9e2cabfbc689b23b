// The one client of the Vigie API. Every call goes through `request`: JSON in and out, a file
// as the raw body (the spreadsheet import) or a multipart form, the CSRF header on changes. A
// failure is always an `ApiError` carrying RFC 9457 problem details — the server's own, or
// one made here when the server could not be reached (status 0) or answered without one —
// so a caller can tell "refused", "not found", "forbidden" and "unreachable" apart.

export interface FieldError {
  field: string; // a JSON pointer without the leading slash: "title_fr", "updates/2/progress"
  code: string; // stable: "required", "invalid", "taken", "identifier.phone"…
  message: string; // the server's sentence (English), shown when the UI has no wording
  hint?: { fr: string; en: string }; // the identifier guard's advice, in both languages
  text?: string; // the identifier guard's finding, as written in the field
  start?: number; // its byte span in the field's UTF-8 text
  end?: number;
  row?: number; // spreadsheet imports: the row and column at fault
  column?: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  request_id?: string;
  errors?: FieldError[];
}

export class ApiError extends Error {
  constructor(
    readonly problem: Problem,
    readonly retryAfter?: number,
  ) {
    super(problem.title);
  }
  get status(): number {
    return this.problem.status;
  }
  get fieldErrors(): FieldError[] {
    return this.problem.errors ?? [];
  }
  // True when nothing came back from the server (offline, connection refused).
  get unreachable(): boolean {
    return this.problem.status === 0;
  }
}

// Any thrown value as an ApiError (a bug in a caller's `then` stays visible as a status 0).
export const asApiError = (err: unknown): ApiError =>
  err instanceof ApiError ? err : new ApiError({ type: 'about:blank', title: String(err), status: 0, code: 'unreachable' });

export interface RequestOptions {
  method?: string; // GET unless a body is given (then POST)
  json?: unknown; // sent as application/json
  file?: Blob; // sent as the raw body, with `type` as its media type
  type?: string;
  form?: FormData; // sent as multipart/form-data (the browser writes the boundary)
  csrf?: string; // the session's token: required by the server on every change
  signal?: AbortSignal;
}

// Sends one request; resolves to the parsed JSON body (null for 204 or a non-JSON body),
// rejects with an ApiError.
export async function request<T>(path: string, o: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  let body: BodyInit | undefined;
  if (o.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(o.json);
  } else if (o.file) {
    headers['Content-Type'] = o.type || o.file.type || 'application/octet-stream';
    body = o.file;
  } else if (o.form) body = o.form;
  if (o.csrf) headers['X-CSRF-Token'] = o.csrf;
  const method = o.method ?? (body === undefined ? 'GET' : 'POST');
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body, credentials: 'same-origin', signal: o.signal });
  } catch (err) {
    if ((err as Error)?.name === 'AbortError') throw err;
    throw new ApiError({ type: 'about:blank', title: 'unreachable', status: 0, code: 'unreachable' });
  }
  const type = res.headers.get('Content-Type') ?? '';
  let parsed: unknown = null;
  if (res.status !== 204 && type.includes('json')) parsed = await res.json().catch(() => null);
  if (!res.ok) {
    const problem =
      parsed && typeof parsed === 'object' && 'status' in parsed
        ? (parsed as Problem)
        : { type: 'about:blank', title: res.statusText, status: res.status, code: 'http-' + res.status };
    const retry = Number(res.headers.get('Retry-After'));
    throw new ApiError(problem, Number.isFinite(retry) && retry > 0 ? retry : undefined);
  }
  return parsed as T;
}

export const getJson = <T>(path: string, signal?: AbortSignal) => request<T>(path, { signal });

// A change with a JSON body (or none): POST, PATCH, PUT, DELETE.
export const sendJson = <T>(method: string, path: string, json: unknown, csrf?: string) => request<T>(path, { method, json, csrf });
export const postJson = <T>(path: string, json: unknown, csrf?: string) => sendJson<T>('POST', path, json, csrf);

// A file as the request body, with its media type.
export const uploadFile = <T>(path: string, file: Blob, type: string, csrf: string) => request<T>(path, { method: 'POST', file, type, csrf });
