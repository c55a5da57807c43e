// @vitest-environment node
/**
 * Smoke test in a real browser: Debian's Chromium (no browser download) through playwright-core, against the
 * built app (dist/) served with the gateway's real Content-Security-Policy, read from its application.yml.
 * The pages a visitor sees must render with nothing in the console — no error, no warning, no CSP violation —
 * at a desktop width and at 360 px. The API is a stand-in here; the whole journey against the running suite
 * is the end-to-end suite's job. Skipped only when /usr/bin/chromium is absent.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM, launchChromium } from './chromium';

const root = join(__dirname, '..');
const dist = join(root, 'dist');
const screenshots = join(root, 'target', 'screenshots');

/** The gateway's CSP: the folded YAML value of hypertube.gateway.security.content-security-policy. */
export function gatewayCsp(yaml: string): string {
  const lines = yaml.split('\n');
  const start = lines.findIndex((line) => /^\s*content-security-policy:\s*>-?\s*$/.test(line));
  if (start < 0) throw new Error('content-security-policy not found in the gateway configuration');
  const indent = (line: string) => line.length - line.trimStart().length;
  const own = indent(lines[start]);
  const value: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === '' || indent(line) <= own) break;
    value.push(line.trim());
  }
  return value.join(' ');
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

// No picture: the profile says so (avatarUrl null), so no page asks for one that would answer 404.
const USER = { id: '11111111-1111-1111-1111-111111111111', username: 'ada', firstName: 'Ada', lastName: 'Lovelace', avatarUrl: null, preferredLanguage: 'en', hasPassword: true };
const TITLE_ID = '22222222-2222-2222-2222-222222222222';
const title = (n: number) => ({
  id: n === 0 ? TITLE_ID : `22222222-2222-2222-2222-${String(n).padStart(12, '0')}`,
  kind: 'movie',
  title: n === 0 ? 'The Matrix' : `A film with a rather long title, number ${n}`,
  year: 1990 + n,
  rating: { value: 7 + (n % 3) / 2, source: n % 2 ? 'tmdb' : 'imdb', votes: 1000 },
  coverUrl: null,
  genres: ['Drama'],
  watched: n === 1,
  inProgress: n === 2,
});

const HASH_A = 'a'.repeat(40);
const HASH_B = 'b'.repeat(40);
const API_CLIENT = { clientId: 'htc_0123456789abcdef0123456789abcdef', name: 'A script with a rather long name, to see it wrap', scopes: ['read'], createdAt: '2025-03-01T10:00:00Z' };

/** A torrent whose only file cannot play (no default file): the player fails on it with nothing asked that fails. */
const unplayable = (infoHash: string) => ({
  infoHash,
  files: [{ index: 0, path: 'readme.txt', size: 10, mimeType: 'text/plain', playable: false }],
  defaultFileIndex: null,
});
const swarm = (infoHash: string) => ({ infoHash, state: 'downloading', progress: 0, downloadRate: 0, uploadRate: 0, downloadedBytes: 0, pieceLength: 16384, pieces: '', peers: [], readers: [] });

/**
 * The stand-in API: a signed-in user with an API client, a catalog page, a title with two sources and a
 * comment, and two torrents whose files cannot play (the player then offers the next source).
 */
const API: Record<string, unknown> = {
  'GET /api/auth/oauth/providers': ['github', '42'],
  'POST /api/auth/refresh': { accessToken: 'e2e.access.token', tokenType: 'Bearer', expiresIn: 900, user: USER },
  'GET /api/movies': { items: Array.from({ length: 12 }, (_, n) => title(n)), nextCursor: null, sort: 'popularity', descending: true },
  'GET /api/movies/genres': [{ id: '18', name: 'Drama' }],
  'GET /api/library/continue': [
    { title: title(2), progress: { titleId: title(2).id, season: 0, episode: 0, positionSeconds: 900, durationSeconds: 6000, watched: false, resumable: true, updatedAt: '2025-01-01T00:00:00Z' } },
  ],
  [`GET /api/movies/${TITLE_ID}`]: {
    ...title(0),
    originalTitle: 'The Matrix',
    runtimeMinutes: 136,
    overview: 'A hacker learns what the world really is.',
    director: 'Lana Wachowski',
    producers: ['Joel Silver'],
    cast: [{ name: 'Keanu Reeves', character: 'Neo' }],
    seasons: [],
    commentCount: 1,
  },
  [`GET /api/movies/${TITLE_ID}/sources`]: {
    sources: [
      { infoHash: HASH_A, magnet: `magnet:?xt=urn:btih:${HASH_A}`, name: 'The.Matrix.1999.1080p.BluRay.x264.AAC-GROUP', provider: 'yts', sizeBytes: 2_100_000_000, seeders: 120, leechers: 8, quality: '1080p', playback: 'direct', score: 10, reasons: ['Plays in the browser as it is', 'Many seeders'] },
      { infoHash: HASH_B, magnet: `magnet:?xt=urn:btih:${HASH_B}`, name: 'The.Matrix.1999.720p.WEB.x265', provider: 'yts', sizeBytes: 900_000_000, seeders: 3, leechers: 1, quality: '720p', playback: 'convert', score: 5, reasons: ['Converted for the browser', 'Few seeders'] },
    ],
    providers: [],
  },
  [`GET /api/movies/${TITLE_ID}/comments`]: [
    { id: 'c1', movieId: TITLE_ID, authorId: 'u2', username: 'mallory', content: '<script>alert(1)</script> great film', date: '2025-01-01T10:00:00Z', editedAt: null },
  ],
  'GET /api/auth/oauth/linked': ['github'],
  'GET /api/users/me/api-clients': [API_CLIENT],
  'POST /api/users/me/api-clients': { clientId: 'htc_fedcba9876543210fedcba9876543210', clientSecret: 'x'.repeat(43), name: 'Backup bot', scopes: ['read'] },
  [`DELETE /api/users/me/api-clients/${API_CLIENT.clientId}`]: null,
  // Whatever was asked, the torrent B: enough for the player, which reads the info hash from its address.
  'POST /api/stream': { infoHash: HASH_B, files: [], defaultFileIndex: null },
  [`GET /api/torrents/${HASH_A}`]: unplayable(HASH_A),
  [`GET /api/torrents/${HASH_B}`]: unplayable(HASH_B),
  [`GET /api/torrents/${HASH_A}/debug`]: swarm(HASH_A),
  [`GET /api/torrents/${HASH_B}/debug`]: swarm(HASH_B),
};

function serve(csp: string): Promise<Server> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    response.setHeader('Content-Security-Policy', csp);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    const answer = API[`${request.method} ${url.pathname}`];
    if (answer !== undefined) {
      response.setHeader('Content-Type', 'application/json');
      response.end(JSON.stringify(answer));
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      response.statusCode = 404;
      response.setHeader('Content-Type', 'application/problem+json');
      response.end(JSON.stringify({ type: 'urn:hypertube:problem:not-found', status: 404 }));
      return;
    }
    const file = normalize(join(dist, url.pathname));
    const isFile = file.startsWith(dist) && existsSync(file) && extname(file) !== '';
    response.setHeader('Content-Type', TYPES[extname(isFile ? file : 'index.html')] ?? 'application/octet-stream');
    response.end(readFileSync(isFile ? file : join(dist, 'index.html')));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

if (!existsSync(CHROMIUM)) {
  // Said in the build's output, not only counted as skipped: CI installs it, so CI never skips.
  console.warn(`SKIPPED: ${CHROMIUM} not installed; apt-get install chromium`);
}

describe.skipIf(!existsSync(CHROMIUM))('the built app in Chromium', () => {
  let server: Server;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    if (!existsSync(join(dist, 'index.html'))) {
      const { build } = await import('vite');
      await build({ root, logLevel: 'warn' });
    }
    mkdirSync(screenshots, { recursive: true });
    server = await serve(gatewayCsp(readFileSync(join(root, '../gateway-service/src/main/resources/application.yml'), 'utf8')));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  /**
   * Opens a page and records every console message of level warning or error, every page error and every failed
   * request. `signedIn`: with a session from an earlier visit, the hint that makes the app ask for a refresh (never
   * a token).
   */
  async function open(path: string, width: number, { signedIn = false } = {}): Promise<{ page: Page; complaints: string[] }> {
    const context = await browser.newContext({ viewport: { width, height: 800 }, locale: 'en-US' });
    if (signedIn) await context.addInitScript(() => window.localStorage.setItem('hypertube.signed-in', '1'));
    const page = await context.newPage();
    const complaints: string[] = [];
    page.on('console', (message) => {
      if (['error', 'warning', 'assert'].includes(message.type())) complaints.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => complaints.push(`page error: ${error.message}`));
    page.on('requestfailed', (request) => complaints.push(`request failed: ${request.url()}`));
    await page.goto(`${base}${path}`, { waitUntil: 'networkidle' });
    return { page, complaints };
  }

  for (const width of [1280, 360]) {
    it(`renders the sign-in page at ${width} px with nothing in the console`, async () => {
      const { page, complaints } = await open('/sign-in', width);
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      expect(await page.getByRole('link', { name: 'Sign in with GitHub' }).count()).toBe(1);
      expect(await page.locator('header').count()).toBe(1);
      expect(await page.locator('main').count()).toBe(1);
      expect(await page.locator('footer').count()).toBe(1);
      // Nothing sticks out sideways on a phone.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      // The first Tab reaches the skip link, and it is visibly focused.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to the content');
      expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe('none');
      await page.screenshot({ path: join(screenshots, `sign-in-${width}.png`), fullPage: true });
      expect(complaints).toEqual([]);
      await page.context().close();
    }, 30_000);
  }

  it('answers a deep link of a signed-in page by asking to sign in first, and an unknown one with the 404 page', async () => {
    const { page, complaints } = await open('/library?q=matrix', 1280);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(new URL(page.url()).search).toBe('?next=%2Flibrary%3Fq%3Dmatrix');
    await page.goto(`${base}/no/such/page`, { waitUntil: 'networkidle' });
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    await page.goto(`${base}/sign-up`, { waitUntil: 'networkidle' });
    await page.getByRole('heading', { name: 'Create your account' }).waitFor();
    await page.screenshot({ path: join(screenshots, 'sign-up-1280.png'), fullPage: true });
    await page.goto(`${base}/reset-password`, { waitUntil: 'networkidle' });
    await page.getByRole('heading', { name: 'Reset your password' }).waitFor();
    expect(complaints).toEqual([]);
    await page.context().close();
  }, 30_000);

  for (const width of [1280, 360]) {
    it(`shows a signed-in user's library and a title at ${width} px with nothing in the console`, async () => {
      const { page, complaints } = await open('/library', width, { signedIn: true });
      await page.getByRole('heading', { name: 'Continue watching' }).waitFor();
      expect(await page.locator('.grid .card').count()).toBeGreaterThanOrEqual(12);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.screenshot({ path: join(screenshots, `library-${width}.png`) });

      await page.getByRole('link', { name: /The Matrix/ }).first().click();
      await page.getByRole('heading', { level: 1, name: /The Matrix/ }).waitFor();
      await page.getByText('Plays in the browser as it is').waitFor();
      await page.getByText('<script>alert(1)</script> great film').waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.screenshot({ path: join(screenshots, `title-${width}.png`), fullPage: true });
      expect(complaints).toEqual([]);
      await page.context().close();
    }, 30_000);
  }

  for (const width of [1280, 360]) {
    it(`shows the profile with its API clients at ${width} px, a new secret once, with nothing in the console`, async () => {
      const { page, complaints } = await open('/me', width, { signedIn: true });
      await page.getByRole('heading', { name: 'API clients', exact: true }).waitFor();
      await page.getByText(API_CLIENT.name).waitFor();
      // No picture: the initials, and no request for one that would answer 404.
      expect(await page.locator('img.avatar').count()).toBe(0);
      expect(await page.locator('.avatar').first().textContent()).toBe('AL');

      await page.getByLabel('Its name').fill('Backup bot');
      await page.getByRole('button', { name: 'Register', exact: true }).click();
      await page.getByRole('region', { name: 'Backup bot is registered' }).waitFor();
      expect(await page.getByLabel('Client secret').inputValue()).toBe('x'.repeat(43));
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.screenshot({ path: join(screenshots, `profile-${width}.png`), fullPage: true });

      await page.getByRole('button', { name: `Revoke ${API_CLIENT.name}` }).click();
      await page.getByRole('button', { name: 'Yes, revoke it' }).click();
      await page.getByText(`${API_CLIENT.name} is revoked.`).waitFor();
      expect(complaints).toEqual([]);
      await page.context().close();
    }, 30_000);
  }

  it('starts the next source of the title in one click when one fails, and says when none is left', async () => {
    const { page, complaints } = await open(`/watch/${HASH_A}?title=${TITLE_ID}`, 360, { signedIn: true });
    const cannotPlay = page.getByText('This file cannot be played in your browser: pick another source.');
    const pickAnother = page.getByRole('button', { name: 'Pick another source' });
    await cannotPlay.waitFor({ timeout: 10_000 });
    await pickAnother.click();
    await page.waitForURL(`${base}/watch/${HASH_B}?title=${TITLE_ID}`);
    // A player of its own for the new source: the failed one's words go, then its own come.
    await pickAnother.waitFor({ state: 'detached' });
    await cannotPlay.waitFor({ timeout: 10_000 });
    await pickAnother.click();
    await page.getByText(/No other source of this title is left to try/).waitFor();
    expect(await page.getByRole('link', { name: 'Back to the title' }).first().getAttribute('href')).toBe(`/titles/movie/${TITLE_ID}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: join(screenshots, 'player-no-other-source-360.png'), fullPage: true });
    expect(complaints).toEqual([]);
    await page.context().close();
  }, 30_000);

  it('reads the reset token from the fragment and takes it out of the address bar', async () => {
    const { page, complaints } = await open('/reset-password#token=abc123', 1280);
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    expect(page.url()).toBe(`${base}/reset-password`);
    expect(complaints).toEqual([]);
    await page.context().close();
  }, 30_000);

  it('speaks French to a French browser', async () => {
    const context = await browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    await page.goto(`${base}/sign-in`, { waitUntil: 'networkidle' });
    await page.getByRole('heading', { name: 'Connexion' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    await context.close();
  }, 30_000);
});
