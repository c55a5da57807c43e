import { describe, expect, it } from 'vitest';
import type { SubtitleTrack } from '../api/types';
import { ApiError } from '../api/problem';
import { shownNow, somePending, worthAskingAgain } from './subtitles';

const track = (id: string, text: boolean, ready: boolean): SubtitleTrack => ({
  id,
  language: 'en',
  label: 'English',
  source: id.startsWith('os-') ? 'opensubtitles' : 'embedded',
  forced: false,
  isDefault: false,
  text,
  ready,
});

describe('the subtitle tracks a player shows', () => {
  it('leaves out a track inside a video still downloading, and asks again for it', () => {
    const tracks = [track('embedded-2', true, false), track('os-7', true, true), track('embedded-3', false, false)];

    expect(shownNow(tracks).map((t) => t.id)).toEqual(['os-7']);
    expect(somePending(tracks)).toBe(true);
  });

  it('shows every ready text track and stops asking once none is pending (an image track never will be)', () => {
    const tracks = [track('embedded-2', true, true), track('embedded-3', false, false)];

    expect(shownNow(tracks).map((t) => t.id)).toEqual(['embedded-2']);
    expect(somePending(tracks)).toBe(false);
  });
});

describe('a failed subtitle list', () => {
  it('is asked again after the server\'s trouble or no answer, not after a refusal', () => {
    expect(worthAskingAgain(new ApiError({ status: 503, kind: 'probe-failed' }))).toBe(true);
    expect(worthAskingAgain(new ApiError({ status: 0, kind: 'network' }))).toBe(true);
    expect(worthAskingAgain(new TypeError('Failed to fetch'))).toBe(true);
    expect(worthAskingAgain(new ApiError({ status: 404, kind: 'unknown-torrent' }))).toBe(false);
    expect(worthAskingAgain(new ApiError({ status: 400, kind: 'invalid-languages' }))).toBe(false);
  });
});
