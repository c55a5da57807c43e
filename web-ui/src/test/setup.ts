import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import i18n from '../i18n';

// Every test starts in English with nothing stored, and fails if anything writes to the console: a React
// warning (a missing key, an update outside act) is a bug the browser would show too.
let complaints: string[] = [];

// jsdom has no layout: scrolling is a no-op here.
window.scrollTo = () => undefined;

beforeEach(async () => {
  complaints = [];
  window.localStorage.clear();
  await i18n.changeLanguage('en');
  for (const level of ['error', 'warn'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      complaints.push(`console.${level}: ${args.map(String).join(' ')}`);
    });
  }
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  if (complaints.length > 0) {
    throw new Error(`The console was written to:\n${complaints.join('\n')}`);
  }
});
