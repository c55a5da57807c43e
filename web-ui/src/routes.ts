/**
 * The app's routes. None is under /api, /stream, /oauth, /actuator or the subject's public API (/movies,
 * /comments, /users): those paths belong to the services. gateway-service answers each of these paths with
 * index.html (web/WebApp.java, ROUTES), so a deep link works after a reload; a test checks the two lists agree.
 */
export const ROUTES = {
  home: '/',
  library: '/library',
  title: '/titles/:kind/:id',
  watch: '/watch/:infoHash',
  play: '/play',
  me: '/me',
  person: '/people/:id',
  signIn: '/sign-in',
  signUp: '/sign-up',
  completeSignUp: '/sign-up/complete',
  resetPassword: '/reset-password',
  /** Where auth-service's OAuth callback sends the browser today: kept as aliases. */
  signInAlias: '/signin',
  profileAlias: '/profile',
} as const;

export const titlePath = (kind: string, id: string) =>
  `/titles/${kind === 'show' ? 'show' : 'movie'}/${encodeURIComponent(id)}`;

export const personPath = (id: string) => `/people/${encodeURIComponent(id)}`;

export interface WatchTarget {
  infoHash: string;
  fileIndex?: number | null;
  titleId?: string;
  kind?: string;
  season?: number;
  episode?: number;
  /** The title's IMDb id: the player asks OpenSubtitles with it. */
  imdbId?: string | null;
}

/** The player's address: the torrent in the path; the file and what is being watched in the query. */
export function watchPath(target: WatchTarget): string {
  const params = new URLSearchParams();
  if (target.fileIndex !== undefined && target.fileIndex !== null) params.set('file', String(target.fileIndex));
  if (target.titleId) params.set('title', target.titleId);
  if (target.kind === 'show') params.set('kind', 'show');
  if (target.season !== undefined) params.set('season', String(target.season));
  if (target.episode !== undefined) params.set('episode', String(target.episode));
  if (target.imdbId) params.set('imdb', target.imdbId);
  const query = params.toString();
  return `/watch/${encodeURIComponent(target.infoHash)}${query ? `?${query}` : ''}`;
}

/** A `next` address to return to after signing in: only a path of this app, never another site. */
export function safeNext(next: string | null | undefined): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  if (/^\/(api|stream|oauth|actuator|movies|comments|users)(\/|$|\?)/.test(next)) return null;
  return next;
}
