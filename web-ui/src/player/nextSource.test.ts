import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/problem';
import { anotherSourceMayPlay, nextSource, triedSources } from './nextSource';

const hash = (letter: string) => letter.repeat(40);
const ranked = ['a', 'b', 'c', 'd'].map((letter) => ({ infoHash: hash(letter), name: letter }));

describe('the next source', () => {
  it('is the one ranked just below the source that failed', () => {
    expect(nextSource(ranked, hash('a'))?.name).toBe('b');
    expect(nextSource(ranked, hash('c'))?.name).toBe('d');
  });

  it('skips the sources that already failed on the way', () => {
    expect(nextSource(ranked, hash('b'), [hash('c')])?.name).toBe('d');
  });

  it('goes back to the best source not tried when the last one fails', () => {
    expect(nextSource(ranked, hash('d'))?.name).toBe('a');
    expect(nextSource(ranked, hash('d'), [hash('a')])?.name).toBe('b');
  });

  it('is the best one when the source that failed is not in the list (a magnet of its own, a list that changed)', () => {
    expect(nextSource(ranked, hash('f'))?.name).toBe('a');
    expect(nextSource(ranked, hash('f'), [hash('a')])?.name).toBe('b');
  });

  it('compares info hashes whatever their case', () => {
    expect(nextSource(ranked, hash('A'))?.name).toBe('b');
    expect(nextSource(ranked, hash('a'), [hash('B')])?.name).toBe('c');
  });

  it('is none when every other source was tried, or there is no other', () => {
    expect(nextSource(ranked, hash('d'), [hash('a'), hash('b'), hash('c')])).toBeNull();
    expect(nextSource([ranked[0]], hash('a'))).toBeNull();
    expect(nextSource([], hash('a'))).toBeNull();
  });
});

describe('the sources already tried', () => {
  it('are read from the history state, and nothing else is', () => {
    expect(triedSources({ tried: [hash('a'), 7, hash('b')] })).toEqual([hash('a'), hash('b')]);
    expect(triedSources({ tried: 'a' })).toEqual([]);
    expect(triedSources(null)).toEqual([]);
    expect(triedSources(undefined)).toEqual([]);
    expect(triedSources('tried')).toEqual([]);
  });
});

describe('when to offer another source', () => {
  it('is a source problem or a file that cannot play, not a network or server error', () => {
    expect(anotherSourceMayPlay(new ApiError({ status: 503, kind: 'no-peers' }))).toBe(true);
    expect(anotherSourceMayPlay(new ApiError({ status: 422, kind: 'unplayable-media' }))).toBe(true);
    expect(anotherSourceMayPlay(new ApiError({ status: 422, kind: 'something-new' }))).toBe(true);
    expect(anotherSourceMayPlay(new ApiError({ status: 0, kind: 'network' }))).toBe(false);
    expect(anotherSourceMayPlay(new ApiError({ status: 500, kind: 'internal-error' }))).toBe(false);
    expect(anotherSourceMayPlay(new Error('boom'))).toBe(false);
  });
});
