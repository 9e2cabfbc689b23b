// Talking to the Vigie API. Errors come back as RFC 9457 problem details; `ApiError`
// carries them so forms can show each field's message next to the field.

export interface FieldError {
  field: string;
  code: string;
  message: string;
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
}

export async function getJson<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' }, ...init });
  const type = res.headers.get('Content-Type') ?? '';
  const body: unknown = res.status !== 204 && type.includes('json') ? await res.json() : null;
  if (!res.ok) {
    const problem = (body as Problem | null) ?? {
      type: 'about:blank',
      title: res.statusText,
      status: res.status,
      code: 'http-' + res.status,
    };
    const retry = Number(res.headers.get('Retry-After'));
    throw new ApiError(problem, Number.isFinite(retry) && retry > 0 ? retry : undefined);
  }
  return body as T;
}
