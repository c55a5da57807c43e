import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { MemoryRouter, useLocation } from 'react-router';
import { ApiError } from '../api/problem';
import { fakeApi, json, problem } from '../test/api';
import { PlayerFailure, type Watching } from './PlayerFailure';

const TITLE = '22222222-2222-2222-2222-222222222222';
const hash = (letter: string) => letter.repeat(40);
const source = (letter: string) => ({
  infoHash: hash(letter),
  magnet: `magnet:?xt=urn:btih:${hash(letter)}`,
  name: `Source ${letter}`,
  provider: 'yts',
  playback: 'direct',
  score: 1,
  reasons: [],
});
const sources = (...letters: string[]) => json({ sources: letters.map(source), providers: [] });
const NO_PEERS = new ApiError({ status: 503, kind: 'no-peers' });
const FILM: Watching = { titleId: TITLE, kind: 'movie' };

/** Where the router is, with its history state. */
let where: { path: string; state: unknown } = { path: '', state: null };
function Probe() {
  const location = useLocation();
  where = { path: location.pathname + location.search, state: location.state };
  return null;
}

function renderFailure(error: unknown, failed: string, watching: Watching, state: unknown = null) {
  render(
    <MemoryRouter initialEntries={[{ pathname: `/watch/${failed}`, state }]}>
      <PlayerFailure error={error} infoHash={failed} watching={watching} />
      <Probe />
    </MemoryRouter>,
  );
}

/** POST /api/stream: the torrent of the magnet asked for, or the problem given for its info hash. */
const stream = (refused: Record<string, Response> = {}) => async (request: Request) => {
  const { magnet } = (await request.json()) as { magnet: string };
  const infoHash = magnet.slice('magnet:?xt=urn:btih:'.length);
  return refused[infoHash]?.clone() ?? json({ infoHash, name: 'x', files: [], defaultFileIndex: 0 });
};

describe('picking another source in one click', () => {
  it('starts the source ranked after the one that failed and opens its player in its place', async () => {
    const api = fakeApi({ [`GET /api/movies/${TITLE}/sources`]: sources('a', 'b', 'c'), 'POST /api/stream': stream() });
    renderFailure(NO_PEERS, hash('b'), FILM);
    expect(screen.getByText('Nobody shares this source right now: pick another source.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Pick another source' }));
    await waitFor(() => expect(where.path).toBe(`/watch/${hash('c')}?file=0&title=${TITLE}`));
    expect(where.state).toEqual({ tried: [hash('b')] });
    const started = api.calls.filter((call) => call.method === 'POST').map((call) => JSON.parse(call.body!).magnet);
    expect(started).toEqual([source('c').magnet]);
  });

  it('passes over a source that cannot start, and remembers both that failed', async () => {
    fakeApi({
      [`GET /api/movies/${TITLE}/sources`]: sources('a', 'b', 'c'),
      'POST /api/stream': stream({ [hash('b')]: problem(503, 'cooldown', { retryAfter: 60 }) }),
    });
    renderFailure(new ApiError({ status: 422, kind: 'unplayable-media' }), hash('a'), FILM);
    await userEvent.click(screen.getByRole('button', { name: 'Pick another source' }));
    await waitFor(() => expect(where.path).toBe(`/watch/${hash('c')}?file=0&title=${TITLE}`));
    expect(where.state).toEqual({ tried: [hash('a'), hash('b')] });
  });

  it('never goes back to a source that failed earlier on the way', async () => {
    fakeApi({ [`GET /api/movies/${TITLE}/sources`]: sources('a', 'b', 'c', 'd'), 'POST /api/stream': stream() });
    renderFailure(NO_PEERS, hash('d'), FILM, { tried: [hash('a'), hash('c')] });
    await userEvent.click(screen.getByRole('button', { name: 'Pick another source' }));
    await waitFor(() => expect(where.path).toBe(`/watch/${hash('b')}?file=0&title=${TITLE}`));
    expect(where.state).toEqual({ tried: [hash('a'), hash('c'), hash('d')] });
  });

  it('asks for the episode’s sources and keeps what is watched in the address', async () => {
    fakeApi({ [`GET /api/shows/${TITLE}/seasons/2/episodes/5/sources`]: sources('a', 'b'), 'POST /api/stream': stream() });
    renderFailure(NO_PEERS, hash('a'), { titleId: TITLE, kind: 'show', season: 2, episode: 5, imdbId: 'tt0944947' });
    await userEvent.click(screen.getByRole('button', { name: 'Pick another source' }));
    await waitFor(() => expect(where.path).toBe(`/watch/${hash('b')}?file=0&title=${TITLE}&kind=show&season=2&episode=5&imdb=tt0944947`));
  });

  it('says so when no other source is left, and keeps the way back to the title', async () => {
    fakeApi({ [`GET /api/movies/${TITLE}/sources`]: sources('a'), 'POST /api/stream': stream() });
    renderFailure(NO_PEERS, hash('a'), FILM);
    await userEvent.click(screen.getByRole('button', { name: 'Pick another source' }));
    expect(await screen.findByText(/No other source of this title is left to try/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Back to the title' }).getAttribute('href')).toBe(`/titles/movie/${TITLE}`);
    expect(where.path).toBe(`/watch/${hash('a')}`);
  });

  it('says what went wrong when the sources cannot be listed, and lets the user try again', async () => {
    fakeApi({ [`GET /api/movies/${TITLE}/sources`]: problem(503, 'sources-unavailable') });
    renderFailure(NO_PEERS, hash('a'), FILM);
    await userEvent.click(screen.getByRole('button', { name: 'Pick another source' }));
    expect(await screen.findByText('Finding sources is not possible right now: try again in a moment.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Pick another source' })).toHaveProperty('disabled', false);
  });

  it('offers only the way back when another source would not help, or there is no title to list sources for', () => {
    fakeApi({});
    renderFailure(new ApiError({ status: 0, kind: 'network' }), hash('a'), FILM);
    expect(screen.queryByRole('button', { name: 'Pick another source' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Back to the title' })).toBeTruthy();
  });

  it('sends a magnet of one’s own back to the library to pick something else', () => {
    fakeApi({});
    renderFailure(NO_PEERS, hash('a'), { titleId: null, kind: 'movie' });
    expect(screen.queryByRole('button', { name: 'Pick another source' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Pick another source' }).getAttribute('href')).toBe('/library');
  });
});
