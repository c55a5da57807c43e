// @vitest-environment node
/**
 * The whole journey in a real browser against the running suite with its demo library (`./hypertube up --demo`):
 * sign up, search, open each demo film, press play (the video's time advances), seek to 70 % (it plays on),
 * subtitles on, a comment, and back in the library the film shows as in progress. Any console warning or error
 * fails it; every page is saved as a screenshot under target/screenshots/journey-*. It prints, per film, the time
 * from the click on play to the first frame and from a seek to playing again (figures, not assertions).
 *
 * It runs where HYPERTUBE_URL names a running suite (system-tests' JourneyIT starts one and sets it); the web
 * app's own build skips it, saying so.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './chromium';

const BASE = process.env.HYPERTUBE_URL;
const screenshots = join(__dirname, '..', 'target', 'screenshots');

/** The demo library's films (demo/catalog.json) and how each reaches the browser. */
const FILMS = [
  { title: 'Lighthouse Keeper', search: 'lighthouse', engine: 'direct', subtitles: false },
  { title: 'Paper Orchard', search: 'orchard', engine: 'direct', subtitles: true },
  { title: 'Tidal Static', search: 'tidal', engine: 'hls.js', subtitles: false },
] as const;

if (!BASE) {
  console.warn('SKIPPED: the journey needs a running suite with the demo library (HYPERTUBE_URL); system-tests runs it');
}

describe.skipIf(!BASE)('the journey through the running suite, in Chromium', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const complaints: string[] = [];
  const figures: string[] = [];

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    // The player starts the video itself after the click on the title page (a client-side navigation).
    browser = await launchChromium(['--autoplay-policy=no-user-gesture-required']);
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    page = await context.newPage();
    page.on('console', (message) => {
      if (['error', 'warning', 'assert'].includes(message.type())) complaints.push(`${message.type()}: ${message.text()} (${page.url()})`);
    });
    page.on('pageerror', (error) => complaints.push(`page error: ${error.message} (${page.url()})`));
    // When the video plays its first frame, wherever the app puts it: media events do not bubble, capture does.
    await context.addInitScript(() => {
      document.addEventListener('playing', () => ((window as unknown as { playedAt: number }).playedAt = performance.now()), true);
    });
  }, 60_000);

  afterAll(async () => {
    if (figures.length) console.log(`journey figures (${new Date().toISOString()}):\n  ${figures.join('\n  ')}`);
    await browser?.close();
  });

  /**
   * When the calls that lead to the first frame were answered, in ms after now: the stream started, the playback
   * decision, the first bytes of the file or the HLS playlists, the init and the first media segment.
   */
  function timeline(on: Page) {
    const started = Date.now();
    const seen = new Map<string, number>();
    const steps: [string, RegExp][] = [
      ['start', /\/api\/stream$/],
      ['decision', /\/playback(\?|$)/],
      ['file', /\/api\/stream\/[0-9a-f]{40}\/\d+(\/converted)?$/],
      ['master', /master\.m3u8/],
      ['playlist', /\/hls\/.+\/index\.m3u8/],
      ['init', /init\.mp4/],
      ['segment', /\/hls\/.+\/\d+\.m4s/],
    ];
    const listener = (response: { url: () => string }) => {
      const url = response.url().split('#')[0];
      for (const [name, pattern] of steps) {
        if (!seen.has(name) && pattern.test(url.split('?')[0])) seen.set(name, Date.now() - started);
      }
    };
    on.on('response', listener);
    return {
      stop: () => {
        on.off('response', listener);
        return [...seen.entries()].map(([name, at]) => `${name} ${at}`).join(', ');
      },
    };
  }

  const shot = (name: string) => page.screenshot({ path: join(screenshots, `journey-${name}.png`), fullPage: true });

  it('signs up, signs out and in again, and lands in the library, which holds the demo films', async () => {
    const username = `journey_${Date.now().toString(36)}`;
    await page.goto(`${BASE}/sign-up`, { waitUntil: 'networkidle' });
    await page.getByLabel('Email address').fill(`${username}@example.org`);
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('First name').fill('Journey');
    await page.getByLabel('Last name').fill('Tester');
    await page.getByLabel('Password').fill('a journey of 1000 miles');
    await shot('sign-up');
    await page.getByRole('button', { name: 'Sign up' }).click();
    await page.waitForURL(/\/library/);

    // Signed out, then in again with what was just chosen: back in the library.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill('a journey of 1000 miles');
    await shot('sign-in');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(/\/library/);
    for (const film of FILMS) await page.getByRole('link', { name: new RegExp(film.title) }).first().waitFor();
    await shot('library');

    // The library opened afresh: its first contentful paint, and the JavaScript it loaded (compressed, as sent).
    await page.goto(`${BASE}/library`, { waitUntil: 'networkidle' });
    await page.getByRole('link', { name: new RegExp(FILMS[0].title) }).first().waitFor();
    const paint = await page.evaluate(() => {
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1;
      const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((entry) =>
        entry.name.endsWith('.js'),
      );
      return { fcp: Math.round(fcp), bytes: scripts.reduce((sum, entry) => sum + entry.encodedBodySize, 0), files: scripts.length };
    });
    expect(paint.fcp).toBeGreaterThan(0);
    figures.push(`the library: first contentful paint ${paint.fcp} ms; JavaScript loaded ${Math.round(paint.bytes / 1024)} KB compressed in ${paint.files} files`);
    expect(complaints).toEqual([]);
  }, 60_000);

  for (const film of FILMS) {
    it(`finds ${film.title}, plays it (${film.engine}), seeks to 70 %, comments, and sees it in progress`, async () => {
      await page.goto(`${BASE}/library`, { waitUntil: 'networkidle' });
      await page.getByPlaceholder('Search a title…').fill(film.search);
      const card = page.getByRole('link', { name: new RegExp(film.title) }).first();
      await card.waitFor();
      await card.click();
      await page.getByRole('heading', { level: 1, name: film.title }).waitFor();
      await page.getByRole('button', { name: 'Play the best' }).waitFor({ timeout: 20_000 });
      await shot(`title-${film.search}`);

      // Play: from the click to the first frame, and the time then moves on.
      await page.evaluate(() => {
        const state = window as unknown as { playedAt?: number; clickedAt: number };
        state.playedAt = undefined;
        state.clickedAt = performance.now();
      });
      const steps = timeline(page);
      await page.getByRole('button', { name: 'Play the best' }).click();
      await page.waitForFunction(() => (window as unknown as { playedAt?: number }).playedAt !== undefined, null, { timeout: 60_000 });
      const firstFrame = await page.evaluate(() => {
        const state = window as unknown as { playedAt: number; clickedAt: number };
        return Math.round(state.playedAt - state.clickedAt);
      });
      await page.waitForFunction(() => (document.querySelector('video')?.currentTime ?? 0) > 1.5, null, { timeout: 30_000 });
      // The decision shown: HLS says which engine plays it, a direct play says nothing of one. A film converted
      // once its download finished (a suite that played it before) is played directly from that copy.
      const converted = (await page.getByText('Converted for every browser when the download finished').count()) > 0;
      const engine = (await page.getByText('Played through hls.js.').count()) > 0 ? 'hls.js' : 'direct';
      expect(engine).toBe(converted ? 'direct' : film.engine);

      // Seek to 70 %: playing again, past the point asked for.
      const seekSteps = timeline(page);
      const seek = await page.evaluate(async () => {
        const video = document.querySelector('video')!;
        const target = video.duration * 0.7;
        const asked = performance.now();
        let seekedAt = 0;
        video.addEventListener('seeked', () => (seekedAt = performance.now()), { once: true });
        video.currentTime = target;
        // Measured to the seek's end (the frame there is ready; timeupdate comes only every 250 ms), then the time
        // must move on past the point asked for.
        await new Promise<void>((resolve, reject) => {
          const timeout = setTimeout(() => reject(new Error(`not playing after the seek: at ${video.currentTime}`)), 30_000);
          const check = () => {
            if (seekedAt && !video.seeking && !video.paused && video.currentTime > target + 0.2) {
              clearTimeout(timeout);
              video.removeEventListener('timeupdate', check);
              resolve();
            }
          };
          video.addEventListener('timeupdate', check);
        });
        return { millis: Math.round(seekedAt - asked), target, duration: video.duration };
      });
      expect(seek.duration).toBeGreaterThan(55);
      figures.push(
        `${film.title} (${converted ? 'its converted copy' : engine}): click to first frame ${firstFrame} ms; seek to 70 % to its frame ${seek.millis} ms`,
        `  where the first frame's time went (answered at, ms after the click): ${steps.stop()}`,
        `  and the seek's (ms after it): ${seekSteps.stop()}`,
      );

      if (film.subtitles) {
        // The file's English track, in the player's list once the file is read; shown, and its cues loaded.
        await page.waitForFunction(() => (document.querySelector('video')?.textTracks.length ?? 0) > 0, null, { timeout: 60_000 });
        const cues = await page.evaluate(async () => {
          const track = document.querySelector('video')!.textTracks[0];
          track.mode = 'showing';
          // All ten: a track first loaded while the film downloads has its first cues only, then all at a later look.
          for (let i = 0; i < 400 && (track.cues?.length ?? 0) < 10; i++) await new Promise((r) => setTimeout(r, 100));
          return { language: track.language, count: track.cues?.length ?? 0, first: (track.cues?.[0] as VTTCue | undefined)?.text };
        });
        expect(cues.language).toBe('en');
        expect(cues.count).toBe(10);
        expect(cues.first).toBe('Demo subtitle 1 of 10: second 0.');
      }
      await shot(`player-${film.search}`);

      // Paused (which reports the position), back to the title for a comment, shown as text.
      await page.evaluate(() => document.querySelector('video')!.pause());
      await page.getByRole('link', { name: 'Back to the title' }).first().click();
      await page.getByRole('heading', { level: 1, name: film.title }).waitFor();
      const comment = `<b>Seen it</b> in the journey: ${film.title}`;
      await page.getByLabel('Your comment').fill(comment);
      await page.getByRole('button', { name: 'Post' }).click();
      await page.locator('.comment-text', { hasText: comment }).first().waitFor();
      expect(await page.locator('.comment-text', { hasText: comment }).first().textContent()).toBe(comment);
      await shot(`comment-${film.search}`);

      // In the library again: in progress.
      await page.getByRole('link', { name: 'Library' }).first().click();
      await page.getByPlaceholder('Search a title…').fill(film.search);
      const inProgress = page.locator('.card', { hasText: film.title }).getByText('In progress');
      await inProgress.first().waitFor({ timeout: 10_000 });
      await page.getByPlaceholder('Search a title…').fill('');
      expect(complaints).toEqual([]);
    }, 180_000);
  }

  it('says why a failing source cannot play, and plays the next one in one click', async () => {
    await page.goto(`${BASE}/library`, { waitUntil: 'networkidle' });
    await page.getByPlaceholder('Search a title…').fill('compass');
    await page.getByRole('link', { name: /Broken Compass/ }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Broken Compass' }).waitFor();
    // The damaged copy, whatever its rank (a suite that downloaded the good one before ranks that first).
    const damaged = page.locator('li.source', { hasText: 'DAMAGED' });
    await damaged.waitFor({ timeout: 20_000 });
    await expect(page.locator('li.source').count()).resolves.toBe(2);
    await shot('title-compass');
    await damaged.getByRole('button').click();

    // Its reason, and the way on: the file cannot be played, so another source may.
    await page.getByText('This file cannot be played in your browser: pick another source.').waitFor({ timeout: 60_000 });
    await shot('player-failed-source');
    const damagedHash = page.url().match(/[0-9a-f]{40}/)?.[0];
    await page.getByRole('button', { name: 'Pick another source' }).click();
    await page.waitForURL((url) => /[0-9a-f]{40}/.test(url.pathname) && !url.pathname.includes(damagedHash ?? '-'), { timeout: 30_000 });
    await page.waitForFunction(() => (document.querySelector('video')?.currentTime ?? 0) > 1.5, null, { timeout: 60_000 });
    await shot('player-next-source');

    // The browser reports each refused answer of the damaged source (422) in the console: those, and only those.
    const refused = complaints.filter((complaint) => /status of 422/.test(complaint) && complaint.includes(damagedHash ?? '-'));
    expect(refused.length).toBeGreaterThan(0);
    expect(complaints.filter((complaint) => !refused.includes(complaint))).toEqual([]);
    complaints.length = 0;
  }, 180_000);
});
