import { afterEach, describe, expect, it } from 'vitest';
import * as session from '../auth/session';
import { fakeApi, json, problem } from '../test/api';
import { request, withQuery } from './http';
import { streaming } from './endpoints';
import { ApiError } from './problem';

afterEach(() => session.clear());

describe('calls to the API', () => {
  it('sends the access token as a Bearer header, never in the URL', async () => {
    const api = fakeApi({ 'GET /api/users/me': json({ id: 'u1' }) });
    session.accept({ accessToken: 'tok', tokenType: 'Bearer', expiresIn: 900, user: { id: 'u1', username: 'a', firstName: 'a', lastName: 'b', avatarUrl: null } });
    await request('/api/users/me');
    expect(api.calls[0].headers.get('Authorization')).toBe('Bearer tok');
    expect(api.calls[0].url.search).toBe('');
  });

  it('renews the token once after a 401 and tries again', async () => {
    let first = true;
    const api = fakeApi({
      'GET /api/library/continue': (req) => {
        if (first) {
          first = false;
          return problem(401, 'unauthorized');
        }
        return json(req.headers.get('Authorization'));
      },
      'POST /api/auth/refresh': json({ accessToken: 'new', tokenType: 'Bearer', expiresIn: 900, user: { id: 'u1', username: 'a', firstName: 'a', lastName: 'b' } }),
    });
    session.accept({ accessToken: 'old', tokenType: 'Bearer', expiresIn: 900, user: { id: 'u1', username: 'a', firstName: 'a', lastName: 'b', avatarUrl: null } });
    expect(await request('/api/library/continue')).toBe('Bearer new');
    expect(api.calls.map((call) => call.url.pathname)).toEqual(['/api/library/continue', '/api/auth/refresh', '/api/library/continue']);
  });

  it('turns a problem into an ApiError and a 204 into nothing', async () => {
    fakeApi({
      'POST /api/stream': problem(503, 'no-peers'),
      'DELETE /api/comments/1': new Response(null, { status: 204 }),
    });
    await expect(request('/api/stream', { method: 'POST', json: {} })).rejects.toMatchObject({ kind: 'no-peers', status: 503 });
    await expect(request('/api/comments/1', { method: 'DELETE' })).resolves.toBeUndefined();
  });

  it('says "network" when nothing answers', async () => {
    fakeApi({});
    (globalThis.fetch as unknown as { mockRejectedValueOnce: (e: unknown) => void }).mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await expect(request('/api/movies')).rejects.toSatisfy((error) => error instanceof ApiError && error.kind === 'network');
  });

  it('builds query strings without empty values', () => {
    expect(withQuery('/api/movies', { query: 'a b', genre: null, cursor: undefined, limit: 24, sort: '' })).toBe('/api/movies?query=a+b&limit=24');
    expect(withQuery('/api/movies', {})).toBe('/api/movies');
  });
});

describe('the subtitle list', () => {
  it('asks OpenSubtitles with the title only when its IMDb id and episode look right', async () => {
    const api = fakeApi({ 'GET /api/stream/abc/0/subtitles': json([]) });
    await streaming.subtitles('abc', 0, 'fr', { imdbId: 'tt0903747', season: 1, episode: 2 });
    await streaming.subtitles('abc', 0, 'fr', { imdbId: 'nm0000206" onload="x', season: Number.NaN });
    await streaming.subtitles('abc', 0, 'French');
    expect(api.calls.map((call) => call.url.search)).toEqual([
      '?languages=fr&imdbId=tt0903747&season=1&episode=2',
      '?languages=fr',
      '',
    ]);
  });
});
