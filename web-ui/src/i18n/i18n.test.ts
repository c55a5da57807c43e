import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KNOWN_KINDS } from '../api/problem';
import en from './locales/en.json';
import fr from './locales/fr.json';
import i18n, { pickLanguage } from '.';

type Tree = { [key: string]: string | Tree };

/** Every key as a dotted path; plural forms (_one, _many, _other…) count as their base key. */
function keys(tree: Tree, prefix = ''): Set<string> {
  const found = new Set<string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') found.add(path.replace(/_(zero|one|two|few|many|other)$/, ''));
    else keys(value, path).forEach((k) => found.add(k));
  }
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'test' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

const english = keys(en as Tree);
const french = keys(fr as Tree);

describe('translations', () => {
  it('has the same keys in English and French', () => {
    expect([...french].filter((key) => !english.has(key))).toEqual([]);
    expect([...english].filter((key) => !french.has(key))).toEqual([]);
  });

  it('has no empty text', () => {
    const empty = (tree: Tree): string[] =>
      Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? (value.trim() ? [] : [key]) : empty(value)));
    expect(empty(en as Tree)).toEqual([]);
    expect(empty(fr as Tree)).toEqual([]);
  });

  it('has words for every problem kind the app knows', () => {
    const missing = KNOWN_KINDS.filter((kind) => !english.has(`errors.${kind}`) || !french.has(`errors.${kind}`));
    expect(missing).toEqual([]);
  });

  it('has every key the code names (a literal "namespace.key" string in src/)', () => {
    const namespaces = Object.keys(en);
    const pattern = new RegExp(`['\`]((?:${namespaces.join('|')})\\.[A-Za-z0-9.-]+)['\`]`, 'g');
    const used = new Set<string>();
    for (const file of sourceFiles(join(__dirname, '..'))) {
      for (const match of readFileSync(file, 'utf8').matchAll(pattern)) used.add(match[1]);
    }
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((key) => !english.has(key))).toEqual([]);
  });

  it('uses French plural forms in French', async () => {
    await i18n.changeLanguage('fr');
    expect(i18n.t('comments.left', { count: 1 })).toBe('1 caractère restant');
    expect(i18n.t('comments.left', { count: 5 })).toBe('5 caractères restants');
    await i18n.changeLanguage('en');
    expect(i18n.t('comments.left', { count: 1 })).toBe('1 character left');
  });
});

describe('which language', () => {
  it("follows the profile's preference first, then the remembered choice, then the browser", () => {
    expect(pickLanguage('fr', 'en', ['en-US'])).toBe('fr');
    expect(pickLanguage(null, 'fr', ['en-US'])).toBe('fr');
    expect(pickLanguage(undefined, null, ['de-DE', 'fr-CA'])).toBe('fr');
    expect(pickLanguage('de', 'xx', ['de-DE'])).toBe('en');
  });
});
