import { describe, expect, it } from 'vitest';
import type { LibraryEntry } from '../api/types';
import { formatBytes, formatClock, formatRate } from './format';
import { progressReport, resumePosition } from './progress';
import { actionFor } from './shortcuts';

describe('keyboard shortcuts', () => {
  it('maps space, arrows, f and m', () => {
    expect(actionFor({ key: ' ', targetTag: 'BODY' })).toEqual({ type: 'toggle-play' });
    expect(actionFor({ key: 'ArrowRight', targetTag: 'VIDEO' })).toEqual({ type: 'seek', seconds: 10 });
    expect(actionFor({ key: 'ArrowLeft' })).toEqual({ type: 'seek', seconds: -10 });
    expect(actionFor({ key: 'ArrowUp' })).toEqual({ type: 'volume', delta: 0.1 });
    expect(actionFor({ key: 'F' })).toEqual({ type: 'fullscreen' });
    expect(actionFor({ key: 'm' })).toEqual({ type: 'mute' });
    expect(actionFor({ key: 'x' })).toBeNull();
  });

  it('leaves typing, browser shortcuts and pressed buttons alone', () => {
    expect(actionFor({ key: 'f', targetTag: 'INPUT' })).toBeNull();
    expect(actionFor({ key: 'm', targetTag: 'TEXTAREA' })).toBeNull();
    expect(actionFor({ key: 'f', targetTag: 'DIV', targetEditable: true })).toBeNull();
    expect(actionFor({ key: 'f', ctrlKey: true })).toBeNull();
    expect(actionFor({ key: ' ', targetTag: 'BUTTON' })).toBeNull();
    expect(actionFor({ key: 'ArrowRight', targetTag: 'BUTTON' })).toEqual({ type: 'seek', seconds: 10 });
  });
});

describe('progress reports', () => {
  it('reports whole seconds of a film, without season and episode', () => {
    expect(progressReport('t1', undefined, undefined, 61.9, 5400.2)).toEqual({ titleId: 't1', positionSeconds: 61, durationSeconds: 5401 });
  });

  it('reports an episode with its season and episode', () => {
    expect(progressReport('s1', 2, 5, 10, 1500)).toEqual({ titleId: 's1', season: 2, episode: 5, positionSeconds: 10, durationSeconds: 1500 });
  });

  it('says nothing without a title or a known length', () => {
    expect(progressReport(null, undefined, undefined, 10, 100)).toBeNull();
    expect(progressReport('t1', undefined, undefined, 10, NaN)).toBeNull();
    expect(progressReport('t1', undefined, undefined, 10, Infinity)).toBeNull();
  });

  it('never reports past the end', () => {
    expect(progressReport('t1', undefined, undefined, 200, 100)?.positionSeconds).toBe(100);
  });
});

describe('resuming', () => {
  const entry = (titleId: string, season: number, episode: number, position: number, resumable = true): LibraryEntry => ({
    title: { id: titleId, kind: 'movie', title: 'X', genres: [], watched: false, inProgress: true },
    progress: { titleId, season, episode, positionSeconds: position, durationSeconds: 6000, watched: false, resumable, updatedAt: '' },
  });

  it('resumes the same film or episode where it stopped', () => {
    const entries = [entry('a', 0, 0, 300), entry('b', 1, 2, 50), entry('b', 1, 3, 70)];
    expect(resumePosition(entries, 'a', undefined, undefined)).toBe(300);
    expect(resumePosition(entries, 'b', 1, 3)).toBe(70);
    expect(resumePosition(entries, 'b', 2, 1)).toBeNull();
    expect(resumePosition(entries, null, undefined, undefined)).toBeNull();
  });

  it('starts from the beginning when media-service does not offer to resume', () => {
    expect(resumePosition([entry('a', 0, 0, 10, false)], 'a', undefined, undefined)).toBeNull();
  });
});

describe('numbers for people', () => {
  it('writes sizes, rates and clock times', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1_500_000)).toBe('1.5 MB');
    expect(formatBytes(25_000_000_000)).toBe('25 GB');
    expect(formatRate(2_300_000)).toBe('2.3 MB/s');
    expect(formatClock(65)).toBe('1:05');
    expect(formatClock(3725)).toBe('1:02:05');
  });
});

describe('withStart', () => {
  it('adds where playback starts to an HLS address, with or without a query', async () => {
    const { withStart } = await import('./support');
    expect(withStart('/api/stream/abc/0/hls/master.m3u8', 42.7)).toBe('/api/stream/abc/0/hls/master.m3u8?start=42');
    expect(withStart('/api/stream/abc/0/hls/master.m3u8?profile=chromium', 8)).toBe(
      '/api/stream/abc/0/hls/master.m3u8?profile=chromium&start=8',
    );
    expect(withStart('/x.m3u8', -3)).toBe('/x.m3u8?start=0');
  });
});
