import { request } from './http';
import type {
  ApiClient,
  ApiClientCreated,
  SubtitleTrack,
  Comment,
  Genre,
  LibraryEntry,
  PlaybackAnswer,
  Profile,
  Season,
  Session,
  SourcesAnswer,
  TitleDetails,
  TitleKind,
  TitlePage,
  TorrentDebug,
  TorrentDescription,
} from './types';
import type { LibraryFilters } from '../library/filters';
import { toApiQuery } from '../library/filters';

/** The API calls the app makes, one function each, named after what they do. */

const area = (kind: TitleKind) => (kind === 'show' ? '/api/shows' : '/api/movies');

export const auth = {
  signIn: (username: string, password: string) =>
    request<Session>('/api/auth/login', { method: 'POST', json: { username, password } }),
  signUp: (account: {
    email: string;
    username: string;
    firstName: string;
    lastName: string;
    password: string;
    preferredLanguage: string;
  }) => request<Profile>('/api/auth/register', { method: 'POST', json: account }),
  requestReset: (email: string) =>
    request<{ message: string }>('/api/auth/password-reset', { method: 'POST', json: { email } }),
  confirmReset: (token: string, password: string) =>
    request<void>('/api/auth/password-reset/confirm', { method: 'POST', json: { token, password } }),
  providers: () => request<string[]>('/api/auth/oauth/providers'),
  linkedProviders: () => request<string[]>('/api/auth/oauth/linked'),
  ticket: (ticket: string) => request<Record<string, string>>('/api/auth/oauth/ticket', { query: { ticket } }),
  completeSignUp: (details: { ticket: string; username: string; email: string; firstName: string; lastName: string }) =>
    request<Session>('/api/auth/oauth/complete', { method: 'POST', json: details }),
};

export const users = {
  me: () => request<Profile>('/api/users/me'),
  update: (change: Partial<Profile> & { currentPassword?: string; newPassword?: string }) =>
    request<Profile>('/api/users/me', { method: 'PATCH', json: change }),
  one: (id: string) => request<Profile>(`/api/users/${encodeURIComponent(id)}`),
  uploadAvatar: (file: File) => {
    const form = new FormData();
    form.append('file', file);
    return request<void>('/api/users/me/avatar', { method: 'PUT', form });
  },
  removeAvatar: () => request<void>('/api/users/me/avatar', { method: 'DELETE' }),
};

/** The programs a user registered for the public API (client_credentials at /oauth/token). */
export const apiClients = {
  list: () => request<ApiClient[]>('/api/users/me/api-clients'),
  /** The answer holds the secret, once: only its hash is kept. */
  create: (name: string) => request<ApiClientCreated>('/api/users/me/api-clients', { method: 'POST', json: { name } }),
  revoke: (clientId: string) =>
    request<void>(`/api/users/me/api-clients/${encodeURIComponent(clientId)}`, { method: 'DELETE' }),
};

export const catalog = {
  page: (filters: LibraryFilters, cursor: string | null, signal?: AbortSignal) =>
    request<TitlePage>(area(filters.kind), { query: { ...toApiQuery(filters), cursor, limit: 24 }, signal }),
  genres: (kind: TitleKind) => request<Genre[]>(`${area(kind)}/genres`),
  details: (kind: TitleKind, id: string) => request<TitleDetails>(`${area(kind)}/${encodeURIComponent(id)}`),
  season: (id: string, number: number) => request<Season>(`/api/shows/${encodeURIComponent(id)}/seasons/${number}`),
  filmSources: (id: string) => request<SourcesAnswer>(`/api/movies/${encodeURIComponent(id)}/sources`),
  episodeSources: (id: string, season: number, episode: number) =>
    request<SourcesAnswer>(`/api/shows/${encodeURIComponent(id)}/seasons/${season}/episodes/${episode}/sources`),
};

export const comments = {
  of: (kind: TitleKind, id: string, before?: { date: string; id: string }) =>
    request<Comment[]>(`${area(kind)}/${encodeURIComponent(id)}/comments`, {
      query: { before: before?.date, beforeId: before?.id },
    }),
  post: (kind: TitleKind, id: string, comment: string) =>
    request<Comment>(`${area(kind)}/${encodeURIComponent(id)}/comments`, { method: 'POST', json: { comment } }),
  edit: (id: string, comment: string) =>
    request<Comment>(`/api/comments/${encodeURIComponent(id)}`, { method: 'PATCH', json: { comment } }),
  remove: (id: string) => request<void>(`/api/comments/${encodeURIComponent(id)}`, { method: 'DELETE' }),
};

export const library = {
  continueWatching: () => request<LibraryEntry[]>('/api/library/continue'),
  report: (
    report: { titleId: string; season?: number; episode?: number; positionSeconds: number; durationSeconds: number },
    keepalive = false,
  ) => request<unknown>('/api/library/progress', { method: 'PUT', json: report, keepalive }),
};

export const streaming = {
  startMagnet: (magnet: string) => request<TorrentDescription>('/api/stream', { method: 'POST', json: { magnet } }),
  startHash: (infoHash: string) => request<TorrentDescription>('/api/stream', { method: 'POST', json: { infoHash } }),
  uploadTorrent: (file: File) => {
    const form = new FormData();
    form.append('torrent', file);
    return request<TorrentDescription>('/api/stream', { method: 'POST', form });
  },
  describe: (infoHash: string) => request<TorrentDescription>(`/api/torrents/${encodeURIComponent(infoHash)}`),
  debug: (infoHash: string) => request<TorrentDebug>(`/api/torrents/${encodeURIComponent(infoHash)}/debug`),
  /** The video's subtitle tracks; with the title's IMDb id (and episode), OpenSubtitles' are searched too. */
  subtitles: (
    infoHash: string,
    fileIndex: number,
    language: string,
    title: { imdbId?: string | null; season?: number; episode?: number } = {},
  ) =>
    request<SubtitleTrack[]>(`/api/stream/${encodeURIComponent(infoHash)}/${fileIndex}/subtitles`, {
      query: {
        ...(/^[a-z]{2}$/.test(language) ? { languages: language } : {}),
        ...(title.imdbId && /^tt\d{1,10}$/.test(title.imdbId) ? { imdbId: title.imdbId } : {}),
        ...(title.season !== undefined && Number.isInteger(title.season) ? { season: String(title.season) } : {}),
        ...(title.episode !== undefined && Number.isInteger(title.episode) ? { episode: String(title.episode) } : {}),
      },
    }),
  playback: (infoHash: string, fileIndex: number, support: Record<string, string>, signal?: AbortSignal) =>
    request<PlaybackAnswer>(`/api/stream/${encodeURIComponent(infoHash)}/${fileIndex}/playback`, {
      query: support,
      signal,
    }),
};
