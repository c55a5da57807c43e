// @vitest-environment node
/**
 * What the player counts on to show a film's own subtitle track while the film downloads (player/subtitles.ts):
 * in Chromium, giving a shown `<track>` a new `src` loads its cues anew and keeps it shown. streaming-service
 * serves such a track as far as the download has got, so the player gives it a new address at each look; if the
 * browser kept the old cues, or hid the track, viewers would be stuck with the first few lines.
 * Skipped only when /usr/bin/chromium is absent.
 */
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { CHROMIUM, launchChromium } from './chromium';


/** WebVTT of `count` cues, one every 5 s, as the service's track so far would be with more downloaded. */
function vtt(count: number): string {
  const time = (seconds: number) => `00:00:${String(seconds).padStart(2, '0')}.000`;
  const cues = Array.from({ length: count }, (_, i) => `${time(i * 5)} --> ${time(i * 5 + 2)}\nLine ${i + 1}\n`);
  return `WEBVTT\n\n${cues.join('\n')}`;
}

describe.skipIf(!existsSync(CHROMIUM))('a subtitle track that grows, in Chromium', () => {
  let server: Server;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    // Look n of the track has 2n + 1 cues; the page is the player's <video> and <track>, nothing else.
    server = createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      if (url.pathname === '/track.vtt') {
        response.writeHead(200, { 'Content-Type': 'text/vtt; charset=utf-8', 'Cache-Control': 'no-store' });
        response.end(vtt(2 * Number(url.searchParams.get('look') ?? '0') + 1));
      } else {
        response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        response.end('<!doctype html><video controls><track kind="subtitles" srclang="en" label="English" src="/track.vtt?look=0"></video>');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('loads the cues anew when the track gets a new address, and keeps it shown', async () => {
    const page = await browser.newPage();
    await page.goto(base);
    const looks = await page.evaluate(async () => {
      const element = document.querySelector('track')!;
      const track = document.querySelector('video')!.textTracks[0];
      const cuesOnce = async (count: number) => {
        for (let i = 0; i < 100 && (track.cues?.length ?? 0) !== count; i++) await new Promise((r) => setTimeout(r, 50));
        return { cues: track.cues?.length ?? 0, last: (track.cues?.[track.cues.length - 1] as VTTCue | undefined)?.text, mode: track.mode };
      };
      track.mode = 'showing';
      const first = await cuesOnce(1);
      element.src = '/track.vtt?look=1';
      const second = await cuesOnce(3);
      element.src = '/track.vtt?look=4';
      const third = await cuesOnce(9);
      return [first, second, third];
    });
    expect(looks).toEqual([
      { cues: 1, last: 'Line 1', mode: 'showing' },
      { cues: 3, last: 'Line 3', mode: 'showing' },
      { cues: 9, last: 'Line 9', mode: 'showing' },
    ]);
    await page.close();
  });
});
