import i18n from '../i18n';
import * as session from '../auth/session';
import { ApiError, errorFrom, networkError } from './problem';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as multipart (avatar, .torrent). */
  form?: FormData;
  query?: Record<string, string | number | undefined | null>;
  signal?: AbortSignal;
  /** Sent even while the page unloads (the player's last progress report). */
  keepalive?: boolean;
}

/** A path with its query string; empty values are left out. */
export function withQuery(path: string, query?: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/**
 * One call to the API, same origin. The access token goes as a Bearer header (renewed first when it is
 * about to expire, and once more on a 401); errors become an ApiError with the problem's kind.
 */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  if (session.expiresSoon()) await session.refresh();
  let response = await send(path, options);
  if (response.status === 401 && session.bearer() !== null) {
    const renewed = await session.refresh();
    if (renewed) response = await send(path, options);
  }
  if (!response.ok) throw await errorFrom(response);
  if (response.status === 204 || response.headers.get('Content-Length') === '0') return undefined as T;
  const type = response.headers.get('Content-Type') ?? '';
  return (type.includes('json') ? await response.json() : await response.text()) as T;
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'X-Requested-With': 'hypertube',
    'Accept-Language': i18n.language || 'en',
  };
  const token = session.bearer();
  if (token) headers.Authorization = `Bearer ${token}`;
  let body: BodyInit | undefined;
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.form) {
    body = options.form;
  }
  try {
    return await fetch(withQuery(path, options.query), {
      method: options.method ?? 'GET',
      headers,
      body,
      signal: options.signal,
      credentials: 'same-origin',
      keepalive: options.keepalive,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw networkError();
  }
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

export { ApiError };
