import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium: no browser download here (playwright-core never fetches one). */
export const CHROMIUM = '/usr/bin/chromium';

/**
 * Chromium headless with a fresh profile (playwright's own temporary one) and nothing of its own on the network:
 * no background requests, component updates or sync. `extra` adds flags (an autoplay policy, say).
 */
export function launchChromium(extra: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', ...extra],
  });
}
