import { describe, expect, it } from 'vitest';
import type { SubtitleTrack } from '../api/types';
import { ApiError } from '../api/problem';
import { shownNow, somePending, trackSource, worthAskingAgain } from './subtitles';

const track = (id: string, text: boolean, ready: boolean, complete = ready): SubtitleTrack => ({
  id,
  language: 'en',
  label: 'English',
  source: id.startsWith('os-') ? 'opensubtitles' : 'embedded',
  forced: false,
  isDefault: false,
  text,
  ready,
  complete,
});

describe('the subtitle tracks a player shows', () => {
  it('leaves out a track inside a video of which nothing is downloaded yet, and asks again for it', () => {
    const tracks = [track('embedded-2', true, false), track('os-7', true, true), track('embedded-3', false, false)];

    expect(shownNow(tracks).map((t) => t.id)).toEqual(['os-7']);
    expect(somePending(tracks)).toBe(true);
  });

  it('shows a track as far as the download has got, asks again, and loads it from a new address each time', () => {
    const growing = track('embedded-2', true, true, false);
    const url = '/api/stream/abc/0/subtitles/embedded-2.vtt';

    expect(shownNow([growing]).map((t) => t.id)).toEqual(['embedded-2']);
    expect(somePending([growing])).toBe(true);
    expect(trackSource(url, growing, 0)).not.toEqual(trackSource(url, growing, 1));
    expect(trackSource(url, track('embedded-2', true, true, true), 3)).toBe(url);
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
