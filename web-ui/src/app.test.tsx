import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as session from './auth/session';
import { fakeApi, json, problem } from './test/api';
import { ADA, currentLocation, refreshAs, renderApp } from './test/render';

afterEach(() => session.clear());

const movie = (id: string, title: string, extra: Record<string, unknown> = {}) => ({
  id,
  kind: 'movie',
  title,
  year: 1999,
  rating: { value: 8.7, source: 'imdb', votes: 2000000 },
  coverUrl: 'https://image.tmdb.org/t/p/w342/matrix.jpg',
  genres: ['Science Fiction'],
  watched: false,
  inProgress: false,
  ...extra,
});

const signedInApi = (routes: Parameters<typeof fakeApi>[0] = {}) =>
  fakeApi({
    'POST /api/auth/refresh': refreshAs(ADA),
    'GET /api/movies/genres': json([{ id: '878', name: 'Science Fiction' }]),
    'GET /api/shows/genres': json([{ id: '18', name: 'Drama' }]),
    'GET /api/library/continue': json([]),
    'GET /api/movies': json({ items: [], nextCursor: null, sort: 'popularity', descending: true }),
    ...routes,
  });

describe('signing in', () => {
  it('sends a visitor to sign-in and back where they were going', async () => {
    const api = signedInApi({
      'POST /api/auth/refresh': problem(401, 'session-expired'),
      'GET /api/auth/oauth/providers': json(['github']),
      'POST /api/auth/login': refreshAs(ADA),
    });
    renderApp('/library?q=matrix');
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeTruthy();
    expect(currentLocation).toBe('/sign-in?next=%2Flibrary%3Fq%3Dmatrix');
    expect(await screen.findByRole('link', { name: 'Sign in with GitHub' })).toHaveProperty(
      'href',
      'http://localhost:3000/api/auth/oauth/github/authorize',
    );

    await userEvent.type(screen.getByLabelText('Username'), 'ada');
    await userEvent.type(screen.getByLabelText('Password'), 'correct horse battery');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    await waitFor(() => expect(currentLocation).toBe('/library?q=matrix'));
    const login = api.calls.find((call) => call.url.pathname === '/api/auth/login')!;
    expect(JSON.parse(login.body!)).toEqual({ username: 'ada', password: 'correct horse battery' });
    expect(api.calls.some((call) => call.url.search.includes('tok'))).toBe(false);
  });

  it('says what went wrong, in the user’s words', async () => {
    fakeApi({ 'POST /api/auth/login': problem(401, 'bad-credentials'), 'GET /api/auth/oauth/providers': json([]) });
    renderApp('/sign-in');
    await userEvent.type(await screen.findByLabelText('Username'), 'ada');
    await userEvent.type(screen.getByLabelText('Password'), 'wrong password');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The username or password is not right.');
  });

  it('shows the field the server refused beside it on sign-up', async () => {
    fakeApi({
      'POST /api/auth/register': problem(409, 'username-taken', { errors: [{ field: 'username', message: 'is already taken' }] }),
      'GET /api/auth/oauth/providers': json([]),
    });
    renderApp('/sign-up');
    await userEvent.type(await screen.findByLabelText('Email address'), 'ada@example.org');
    await userEvent.type(screen.getByLabelText('Username'), 'ada');
    await userEvent.type(screen.getByLabelText('First name'), 'Ada');
    await userEvent.type(screen.getByLabelText('Last name'), 'Lovelace');
    await userEvent.type(screen.getByLabelText('Password'), 'analytical engine 1843');
    await userEvent.click(screen.getByRole('button', { name: 'Sign up' }));
    expect(await screen.findByText('Someone already has this: choose another.')).toBeTruthy();
    expect(screen.getByLabelText('Username').getAttribute('aria-invalid')).toBe('true');
  });
});

describe('every page', () => {
  it('has a header, a main and a footer, and signing out is one click away', async () => {
    const api = signedInApi({ 'POST /api/auth/logout': new Response(null, { status: 204 }), 'GET /api/auth/oauth/providers': json([]) });
    renderApp('/library', { signedIn: true });
    const signOut = await screen.findByRole('button', { name: 'Sign out' });
    expect(screen.getByRole('banner')).toBeTruthy();
    expect(screen.getByRole('main')).toBeTruthy();
    expect(screen.getByRole('contentinfo')).toBeTruthy();
    await userEvent.click(signOut);
    await waitFor(() => expect(currentLocation).toMatch(/^\/sign-in/));
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeTruthy();
    expect(api.calls.some((call) => call.method === 'POST' && call.url.pathname === '/api/auth/logout')).toBe(true);
  });

  it('answers an unknown address with the 404 page', async () => {
    fakeApi({});
    renderApp('/no/such/page');
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeTruthy();
  });

  it('speaks French when the profile says so', async () => {
    signedInApi({ 'POST /api/auth/refresh': refreshAs({ ...ADA, preferredLanguage: 'fr' }) });
    renderApp('/library', { signedIn: true });
    expect(await screen.findByRole('button', { name: 'Se déconnecter' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('fr');
  });
});

describe('the library', () => {
  it('asks the catalog with the filters of the URL and shows each title with its marks', async () => {
    const api = signedInApi({
      'GET /api/shows': json({
        items: [
          movie('a', 'The Wire', { kind: 'show', watched: true }),
          movie('b', 'Twin Peaks', { kind: 'show', inProgress: true, rating: { value: 8.8, source: 'tmdb' } }),
        ],
        nextCursor: null,
        sort: 'year',
        descending: false,
      }),
    });
    renderApp('/library?kind=show&genre=18&from=1990&rating=7&sort=year&order=asc', { signedIn: true });
    const wire = await screen.findByRole('link', { name: /The Wire/ });
    expect(wire.getAttribute('href')).toBe('/titles/show/a');
    expect(within(wire).getByText('Watched')).toBeTruthy();
    expect(within(screen.getByRole('link', { name: /Twin Peaks/ })).getByText('In progress')).toBeTruthy();
    expect(screen.getByLabelText('Rated 8.8 out of 10 on TMDB')).toBeTruthy();
    const list = api.calls.find((call) => call.url.pathname === '/api/shows')!;
    expect(Object.fromEntries(list.url.searchParams)).toEqual({
      genre: '18',
      yearFrom: '1990',
      minRating: '7',
      sort: 'year',
      order: 'asc',
      limit: '24',
    });
  });

  it('puts "continue watching" first when nothing narrows the list', async () => {
    signedInApi({
      'GET /api/library/continue': json([
        { title: movie('m', 'Matrix', { inProgress: true }), progress: { titleId: 'm', season: 0, episode: 0, positionSeconds: 600, durationSeconds: 8160, watched: false, resumable: true, updatedAt: '2025-01-01T00:00:00Z' } },
      ]),
    });
    renderApp('/library', { signedIn: true });
    await waitFor(() =>
      expect(screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent)).toEqual(['Continue watching', 'Films']),
    );
    expect(within(screen.getByRole('region', { name: 'Continue watching' })).getByRole('link', { name: /Matrix/ })).toBeTruthy();
  });

  it('says what to do when nothing matches', async () => {
    signedInApi();
    renderApp('/library?q=zzzz', { signedIn: true });
    expect(await screen.findByText(/No title matches this search/)).toBeTruthy();
    const buttons = screen.getAllByRole('button', { name: 'Clear the filters' });
    await userEvent.click(buttons[buttons.length - 1]);
    await waitFor(() => expect(currentLocation).toBe('/library'));
  });

  it('loads the next page when the end of the list scrolls into view (IntersectionObserver)', async () => {
    const observers: { callback: IntersectionObserverCallback; targets: Element[] }[] = [];
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        targets: Element[] = [];
        constructor(public callback: IntersectionObserverCallback) {
          observers.push(this);
        }
        observe(target: Element) {
          this.targets.push(target);
        }
        disconnect() {
          this.targets = [];
        }
      },
    );
    const api = signedInApi({
      'GET /api/movies': (request) =>
        new URL(request.url).searchParams.get('cursor') === 'page-2'
          ? json({ items: [movie('c', 'Page Two Film')], nextCursor: null, sort: 'popularity', descending: true })
          : json({ items: [movie('a', 'First'), movie('b', 'Second')], nextCursor: 'page-2', sort: 'popularity', descending: true }),
    });
    renderApp('/library', { signedIn: true });
    await screen.findByRole('link', { name: /Second/ });
    const watching = await waitFor(() => {
      const live = observers.find((observer) => observer.targets.length > 0);
      expect(live).toBeTruthy();
      return live!;
    });
    act(() => watching.callback([{ isIntersecting: true } as IntersectionObserverEntry], watching as unknown as IntersectionObserver));
    expect(await screen.findByRole('link', { name: /Page Two Film/ })).toBeTruthy();
    expect(screen.getAllByRole('link', { name: /First|Second|Page Two Film/ })).toHaveLength(3);
    const pages = api.calls.filter((call) => call.url.pathname === '/api/movies').map((call) => call.url.searchParams.get('cursor'));
    expect(pages).toEqual([null, 'page-2']);
    expect(screen.queryByRole('link', { name: /next/i })).toBeNull();
  });

  it('changes the URL when a filter changes', async () => {
    signedInApi();
    renderApp('/library', { signedIn: true });
    await userEvent.selectOptions(await screen.findByLabelText('Rating'), '8');
    await waitFor(() => expect(currentLocation).toBe('/library?rating=8'));
  });
});

describe('a title', () => {
  it('shows its facts, its ranked sources with reasons, and comments as text', async () => {
    const id = '22222222-2222-2222-2222-222222222222';
    const hostile = '<img src=x onerror="alert(1)"> **bold**';
    signedInApi({
      [`GET /api/movies/${id}`]: json({
        ...movie(id, 'The Matrix'),
        runtimeMinutes: 136,
        overview: 'A hacker learns the truth.',
        director: 'Lana Wachowski',
        producers: ['Joel Silver'],
        cast: [{ name: 'Keanu Reeves', character: 'Neo' }],
        seasons: [],
        commentCount: 1,
      }),
      [`GET /api/movies/${id}/sources`]: json({
        sources: [
          { infoHash: 'a'.repeat(40), magnet: 'magnet:?xt=urn:btih:' + 'a'.repeat(40), name: 'The.Matrix.1999.1080p.BluRay.x264', provider: 'yts', sizeBytes: 2_100_000_000, seeders: 120, leechers: 8, quality: '1080p', playback: 'direct', score: 10, reasons: ['Plays directly in the browser', 'Healthy swarm'] },
        ],
        providers: [],
      }),
      [`GET /api/movies/${id}/comments`]: json([
        { id: 'c1', movieId: id, authorId: 'someone', username: 'mallory', content: hostile, date: '2025-01-01T10:00:00Z', editedAt: null },
      ]),
    });
    const { container } = renderApp(`/titles/movie/${id}`, { signedIn: true });
    expect(await screen.findByRole('heading', { level: 1, name: /The Matrix/ })).toBeTruthy();
    expect(screen.getByText('136 minutes')).toBeTruthy();
    expect(screen.getByText('Keanu Reeves (Neo)')).toBeTruthy();
    expect(await screen.findByText('Plays directly in the browser')).toBeTruthy();
    expect(screen.getByText('120 seeders, 8 leechers')).toBeTruthy();
    expect(await screen.findByText(hostile)).toBeTruthy();
    expect(container.querySelector('img[src="x"]')).toBeNull();
  });
});
