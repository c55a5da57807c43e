import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROUTES, safeNext, titlePath, watchPath } from './routes';

/** The gateway's list of the app's routes (gateway-service web/WebApp.java, ROUTES). */
function gatewayRoutes(): string[] {
  const source = readFileSync(join(__dirname, '../../gateway-service/src/main/java/com/hypertube/gateway/web/WebApp.java'), 'utf8');
  const list = /ROUTES = List\.of\(([^)]*)\)/.exec(source);
  if (!list) throw new Error('ROUTES not found in WebApp.java');
  return [...list[1].matchAll(/"([^"]+)"/g)].map((match) => match[1]);
}

function served(path: string, patterns: string[]): boolean {
  return patterns.some((pattern) =>
    pattern.endsWith('/**') ? path === pattern.slice(0, -3) || path.startsWith(pattern.slice(0, -2)) : path === pattern,
  );
}

describe('routes', () => {
  it('are each answered with the app by the gateway, so a deep link works after a reload', () => {
    const patterns = gatewayRoutes();
    const unserved = Object.values(ROUTES)
      .map((route) => route.replace(/:[a-zA-Z]+/g, 'x'))
      .filter((path) => !served(path, patterns));
    expect(unserved).toEqual([]);
  });

  it('never fall under the services’ paths', () => {
    for (const route of Object.values(ROUTES)) {
      expect(route).not.toMatch(/^\/(api|stream|oauth|actuator|movies|comments|users)(\/|$)/);
    }
  });

  it('build the title and player addresses', () => {
    expect(titlePath('show', 'a b')).toBe('/titles/show/a%20b');
    expect(titlePath('anything', 'x')).toBe('/titles/movie/x');
    expect(watchPath({ infoHash: 'abc', fileIndex: 0, titleId: 't', kind: 'show', season: 1, episode: 2 })).toBe(
      '/watch/abc?file=0&title=t&kind=show&season=1&episode=2',
    );
    expect(watchPath({ infoHash: 'abc', fileIndex: null })).toBe('/watch/abc');
    expect(watchPath({ infoHash: 'abc', fileIndex: 1, titleId: 't', imdbId: 'tt0133093' })).toBe(
      '/watch/abc?file=1&title=t&imdb=tt0133093',
    );
  });

  it('only return after sign-in to a page of this app', () => {
    expect(safeNext('/library?q=x')).toBe('/library?q=x');
    expect(safeNext('https://evil.example')).toBeNull();
    expect(safeNext('//evil.example')).toBeNull();
    expect(safeNext('/\\evil.example')).toBeNull();
    expect(safeNext('/api/auth/logout')).toBeNull();
    expect(safeNext(null)).toBeNull();
  });
});
