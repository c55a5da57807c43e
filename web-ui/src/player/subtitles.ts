import { ApiError } from '../api/problem';
import type { SubtitleTrack } from '../api/types';

/**
 * Which of a video's subtitle tracks the player shows, and from where. A track inside a video still downloading is
 * spread over the whole file: streaming-service serves its cues as far as the download has got from the start
 * (`complete: false`), so the list is asked again every {@link SUBTITLES_RECHECK_MS} and such a track loaded anew
 * (a new address each time: the browser reloads a `<track>` whose `src` changes, keeping it shown) until the
 * download is complete.
 */
export const SUBTITLES_RECHECK_MS = 15_000;

/** The tracks a <video> can load now: text tracks that are ready (image tracks are listed, never shown). */
export function shownNow(tracks: readonly SubtitleTrack[]): SubtitleTrack[] {
  return tracks.filter((track) => track.text && track.ready);
}

/** Whether a text track is still to become ready or whole, so that the list is worth asking again. */
export function somePending(tracks: readonly SubtitleTrack[]): boolean {
  return tracks.some((track) => track.text && (!track.ready || !track.complete));
}

/**
 * Where the <video> loads a track from: its WebVTT, and for a track still growing the how-manieth look at it, so
 * that each look is a new address (the server never lets such an answer be kept).
 */
export function trackSource(url: string, track: SubtitleTrack, look: number): string {
  return track.complete ? url : `${url}?look=${look}`;
}

/** Whether a failed list is worth asking again: no answer, or the server's own trouble (5xx) — not a 4xx. */
export function worthAskingAgain(error: unknown): boolean {
  return !(error instanceof ApiError) || error.status === 0 || error.status >= 500;
}
