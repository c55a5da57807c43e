import { vi } from 'vitest';

/** A fake API: "METHOD /path" → answer; each call is recorded with its URL, headers and body. */
export type Answer = Response | ((request: Request) => Response | Promise<Response>);

export interface Call {
  method: string;
  url: URL;
  headers: Headers;
  body: string | null;
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers },
  });
}

export function problem(status: number, kind: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  return json({ type: `urn:hypertube:problem:${kind}`, status, detail: `detail of ${kind}`, ...extra }, status, headers);
}

export function fakeApi(routes: Record<string, Answer>) {
  const calls: Call[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(new URL(String(input), 'http://localhost'), init);
    const url = new URL(request.url);
    const body = init?.body && typeof init.body === 'string' ? init.body : null;
    calls.push({ method: request.method, url, headers: request.headers, body });
    const answer = routes[`${request.method} ${url.pathname}`];
    if (!answer) return problem(404, 'not-found');
    return typeof answer === 'function' ? answer(request) : answer.clone();
  });
  vi.stubGlobal('fetch', fetch);
  return { calls, fetch };
}
