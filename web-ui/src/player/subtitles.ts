import { ApiError } from '../api/problem';
import type { SubtitleTrack } from '../api/types';

/**
 * Which of a video's subtitle tracks the player shows. A track inside the video is listed as soon as the file's
 * head is probed, but its WebVTT can be had only once the download is complete (it is spread over the whole
 * file): until then it is left out, and the list is asked again every {@link SUBTITLES_RECHECK_MS}.
 */
export const SUBTITLES_RECHECK_MS = 15_000;

/** The tracks a <video> can load now: text tracks that are ready (image tracks are listed, never shown). */
export function shownNow(tracks: readonly SubtitleTrack[]): SubtitleTrack[] {
  return tracks.filter((track) => track.text && track.ready);
}

/** Whether a text track is still to become ready, so that the list is worth asking again. */
export function somePending(tracks: readonly SubtitleTrack[]): boolean {
  return tracks.some((track) => track.text && !track.ready);
}

/** Whether a failed list is worth asking again: no answer, or the server's own trouble (5xx) — not a 4xx. */
export function worthAskingAgain(error: unknown): boolean {
  return !(error instanceof ApiError) || error.status === 0 || error.status >= 500;
}
