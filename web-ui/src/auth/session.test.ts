import { afterEach, describe, expect, it } from 'vitest';
import { fakeApi, json, problem } from '../test/api';
import * as session from './session';

const answer = (token = 'header.payload.signature') =>
  json({ accessToken: token, tokenType: 'Bearer', expiresIn: 900, user: { id: 'u1', username: 'ada', firstName: 'Ada', lastName: 'L' } });

afterEach(() => session.clear());

describe('the session', () => {
  it('asks for nothing on start when no session hint is stored (no failing request for visitors)', async () => {
    const api = fakeApi({ 'POST /api/auth/refresh': answer() });
    expect(await session.restore()).toBeNull();
    expect(api.calls).toHaveLength(0);
  });

  it('restores the session from the refresh cookie when the hint says there is one', async () => {
    const api = fakeApi({ 'POST /api/auth/refresh': answer() });
    session.hint(true);
    const user = await session.restore();
    expect(user?.username).toBe('ada');
    expect(session.bearer()).toBe('header.payload.signature');
    expect(api.calls[0].headers.get('X-Requested-With')).toBeTruthy();
  });

  it('refreshes once for many callers at the same time (the refresh token is rotated on use)', async () => {
    const api = fakeApi({ 'POST /api/auth/refresh': answer() });
    await Promise.all([session.refresh(), session.refresh(), session.refresh()]);
    expect(api.calls).toHaveLength(1);
  });

  it('forgets the session and the hint when the refresh is refused', async () => {
    fakeApi({ 'POST /api/auth/refresh': problem(401, 'session-expired') });
    session.accept(await answer().json());
    expect(await session.refresh()).toBeNull();
    expect(session.bearer()).toBeNull();
    expect(session.hasHint()).toBe(false);
  });

  it('never writes a token to localStorage', async () => {
    session.accept(await answer('secret.token.value').json());
    const stored = Object.keys(window.localStorage).map((key) => `${key}=${window.localStorage.getItem(key)}`);
    expect(stored).toEqual([`${session.SESSION_HINT}=1`]);
    expect(stored.join()).not.toContain('secret');
  });

  it('signs out: the server is told, and the session and hint are gone', async () => {
    const api = fakeApi({ 'POST /api/auth/logout': new Response(null, { status: 204 }) });
    session.accept(await answer().json());
    await session.signOut();
    expect(api.calls.map((call) => `${call.method} ${call.url.pathname}`)).toEqual(['POST /api/auth/logout']);
    expect(session.currentUser()).toBeNull();
    expect(session.hasHint()).toBe(false);
  });
});
