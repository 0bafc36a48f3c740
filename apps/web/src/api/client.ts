import type { Problem } from './types';

/** A refused or failed request: the HTTP status and the server's problem+json (code, detail, field errors). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
  }

  get code(): string | undefined {
    return this.problem.code;
  }
}

/** The server could not be reached at all (offline, stopped). */
export class NetworkError extends Error {}

export interface RequestOptions {
  readonly body?: unknown;
  /** The revision the person saw: the server refuses with 409 if the commune changed since. */
  readonly ifMatch?: string;
  /** One key per intended command: a retry after a lost answer is not recorded twice. */
  readonly idempotencyKey?: string;
  readonly signal?: AbortSignal;
}

type TokenSource = () => string | null;

let tokenSource: TokenSource = () => null;
let onUnauthenticated: () => void = () => undefined;

/** Wires the client to the session: where the bearer token comes from, what to do when the server refuses it. */
export function configureClient(source: TokenSource, unauthenticated: () => void): void {
  tokenSource = source;
  onUnauthenticated = unauthenticated;
}

/** Calls the API with the session's bearer token; throws {@link ApiError} or {@link NetworkError}. */
export async function api<T>(
  method: string,
  path: string,
  options: RequestOptions = {},
  token = tokenSource(),
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.ifMatch !== undefined) headers['if-match'] = `"${options.ifMatch}"`;
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new NetworkError((error as Error).message);
  }
  const text = await response.text();
  const body = text ? safeJson(text) : undefined;
  if (!response.ok) {
    const problem: Problem = typeof body === 'object' && body !== null ? (body as Problem) : { detail: text };
    if (response.status === 401 && token === tokenSource()) onUnauthenticated();
    throw new ApiError(response.status, problem);
  }
  return body as T;
}

export const get = <T>(path: string, signal?: AbortSignal) => api<T>('GET', path, signal ? { signal } : {});

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { detail: text };
  }
}

/** A random UUID v4, also on plain HTTP where `crypto.randomUUID` is not offered. */
export function newId(): string {
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Builds `?a=1&b=2` from the defined, non-empty values. */
export function query(params: Readonly<Record<string, string | number | undefined | null>>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}
