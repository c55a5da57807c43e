import type { Profile, Session } from '../api/types';

/**
 * The signed-in session, in memory only. The access token from the JSON answers is kept in this module and
 * sent as `Authorization: Bearer` (what auth-service's SessionCookies documents for the UI); the refresh
 * token lives in its HttpOnly cookie (`ht_refresh`, path /api/auth) and a copy of the access token in the
 * HttpOnly `ht_access` cookie, which the gateway accepts for GET and HEAD only (`<video>`, `<img>`, hls.js).
 * No token is ever written to localStorage or put in a URL.
 *
 * What localStorage does hold is a hint, "1", that a refresh cookie probably exists: without it the app does
 * not ask for a refresh on start, so a signed-out visitor's first page makes no request that fails (a 401
 * would be an error in the browser's console).
 */

export const SESSION_HINT = 'hypertube.signed-in';
const REFRESH_LOCK = 'hypertube-refresh';

type Listener = (user: Profile | null) => void;

let accessToken: string | null = null;
let expiresAt = 0;
let user: Profile | null = null;
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
let inFlight: Promise<Profile | null> | null = null;
const listeners = new Set<Listener>();

export function currentUser(): Profile | null {
  return user;
}

export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The access token to send, or null when signed out. */
export function bearer(): string | null {
  return accessToken;
}

/** Whether the token expires within the next `seconds`. */
export function expiresSoon(seconds = 30, now = Date.now()): boolean {
  return accessToken !== null && expiresAt - now < seconds * 1000;
}

/** A sign-in, sign-up completion or refresh answered: keep the token and plan the next refresh. */
export function accept(session: Session, now = Date.now()): Profile {
  accessToken = session.accessToken;
  expiresAt = now + session.expiresIn * 1000;
  setUser(session.user);
  hint(true);
  clearTimeout(refreshTimer);
  // At four fifths of its life: the ht_access cookie (for <video> and hls.js) is renewed with it.
  const delay = Math.max(5_000, session.expiresIn * 800);
  refreshTimer = setTimeout(() => void refresh(), delay);
  return session.user;
}

/** The user's profile changed (profile page): everyone showing it is told. */
export function setUser(next: Profile | null): void {
  user = next;
  listeners.forEach((listener) => listener(next));
}

/** Forget everything (sign-out, or the refresh was refused). */
export function clear(): void {
  accessToken = null;
  expiresAt = 0;
  clearTimeout(refreshTimer);
  hint(false);
  if (user !== null) setUser(null);
}

export function hasHint(): boolean {
  try {
    return window.localStorage.getItem(SESSION_HINT) === '1';
  } catch {
    return false;
  }
}

export function hint(on: boolean): void {
  try {
    if (on) window.localStorage.setItem(SESSION_HINT, '1');
    else window.localStorage.removeItem(SESSION_HINT);
  } catch {
    // Storage refused (private mode): the app then asks for a refresh only after an OAuth sign-in.
  }
}

/**
 * A new access token from the refresh cookie; null when the session has ended. One refresh at a time in this
 * tab, and across tabs through the Web Locks API where it exists: the refresh token is rotated on every use,
 * so two tabs must not send the same one.
 */
export function refresh(): Promise<Profile | null> {
  if (inFlight) return inFlight;
  const run = async () => {
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    return locks ? locks.request(REFRESH_LOCK, () => refreshNow()) : refreshNow();
  };
  inFlight = run().finally(() => {
    inFlight = null;
  });
  return inFlight;
}

async function refreshNow(): Promise<Profile | null> {
  let response: Response;
  try {
    response = await fetch('/api/auth/refresh', {
      method: 'POST',
      headers: { 'X-Requested-With': 'hypertube', Accept: 'application/json' },
      credentials: 'same-origin',
    });
  } catch {
    // No answer (offline, gateway down): keep what we have, the next call tries again.
    return user;
  }
  if (!response.ok) {
    if (response.status === 401 || response.status === 403) clear();
    return response.status >= 500 ? user : null;
  }
  return accept((await response.json()) as Session);
}

/** On start: the session the cookies hold, if the hint says there may be one. */
export async function restore(): Promise<Profile | null> {
  if (!hasHint()) return null;
  return refresh();
}

/** Sign-out: the refresh token revoked and both cookies cleared by auth-service. */
export async function signOut(): Promise<void> {
  try {
    await fetch('/api/auth/logout', {
      method: 'POST',
      headers: { 'X-Requested-With': 'hypertube' },
      credentials: 'same-origin',
    });
  } finally {
    clear();
  }
}

/** Another tab signed out (the hint disappeared): this one follows. */
export function followOtherTabs(): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key === SESSION_HINT && event.newValue === null && user !== null) {
      accessToken = null;
      clearTimeout(refreshTimer);
      setUser(null);
    }
  };
  window.addEventListener('storage', onStorage);
  return () => window.removeEventListener('storage', onStorage);
}
