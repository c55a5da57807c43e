/**
 * What this browser plays, asked of the browser itself (`canPlayType` for `<video src>`, and
 * `MediaSource.isTypeSupported` for what hls.js feeds through Media Source Extensions), in the names
 * streaming-service's BrowserSupport takes (ffprobe's). The player sends the three lists with its playback
 * request, and streaming-service decides: play the file as it is, repackage it, or convert it.
 */

export interface BrowserSupport {
  containers: string[];
  video: string[];
  audio: string[];
}

export interface MediaElementLike {
  canPlayType(type: string): string;
}

export interface MediaSourceLike {
  isTypeSupported(type: string): boolean;
}

/** Each name and the MIME types that mean it; any one answered is enough. */
const CONTAINERS: Record<string, string[]> = {
  mp4: ['video/mp4'],
  webm: ['video/webm'],
  matroska: ['video/x-matroska', 'video/matroska', 'video/mkv'],
  mov: ['video/quicktime'],
};

const VIDEO: Record<string, { element: string[]; mse: string[] }> = {
  h264: { element: ['video/mp4; codecs="avc1.640028"'], mse: ['video/mp4; codecs="avc1.640028"'] },
  hevc: {
    element: ['video/mp4; codecs="hvc1.1.6.L120.90"', 'video/mp4; codecs="hev1.1.6.L120.90"'],
    mse: ['video/mp4; codecs="hvc1.1.6.L120.90"', 'video/mp4; codecs="hev1.1.6.L120.90"'],
  },
  vp8: { element: ['video/webm; codecs="vp8"'], mse: ['video/webm; codecs="vp8"'] },
  vp9: { element: ['video/webm; codecs="vp9"'], mse: ['video/webm; codecs="vp9"', 'video/mp4; codecs="vp09.00.10.08"'] },
  av1: { element: ['video/mp4; codecs="av01.0.05M.08"'], mse: ['video/mp4; codecs="av01.0.05M.08"'] },
};

const AUDIO: Record<string, { element: string[]; mse: string[] }> = {
  aac: { element: ['audio/mp4; codecs="mp4a.40.2"'], mse: ['audio/mp4; codecs="mp4a.40.2"'] },
  mp3: { element: ['audio/mpeg'], mse: ['audio/mpeg', 'audio/mp4; codecs="mp4a.69"'] },
  opus: { element: ['audio/webm; codecs="opus"', 'audio/ogg; codecs="opus"'], mse: ['audio/webm; codecs="opus"', 'audio/mp4; codecs="opus"'] },
  vorbis: { element: ['audio/webm; codecs="vorbis"', 'audio/ogg; codecs="vorbis"'], mse: ['audio/webm; codecs="vorbis"'] },
  flac: { element: ['audio/flac', 'audio/mp4; codecs="flac"'], mse: ['audio/mp4; codecs="flac"'] },
  ac3: { element: ['audio/mp4; codecs="ac-3"'], mse: ['audio/mp4; codecs="ac-3"'] },
  eac3: { element: ['audio/mp4; codecs="ec-3"'], mse: ['audio/mp4; codecs="ec-3"'] },
  alac: { element: ['audio/mp4; codecs="alac"'], mse: ['audio/mp4; codecs="alac"'] },
};

/** What plays in every browser with HTML5 video: the answer when nothing could be asked. */
export const SAFE: BrowserSupport = { containers: ['mp4'], video: ['h264'], audio: ['aac', 'mp3'] };

function plays(element: MediaElementLike, types: string[]): boolean {
  return types.some((type) => element.canPlayType(type) !== '');
}

function feeds(mse: MediaSourceLike | undefined, types: string[]): boolean {
  if (!mse) return true; // no MSE: only direct play and native HLS, which canPlayType answers for
  return types.some((type) => {
    try {
      return mse.isTypeSupported(type);
    } catch {
      return false;
    }
  });
}

/**
 * The browser's support. A codec counts when `<video>` plays it and, where Media Source Extensions exist,
 * when they take it too (a converted or repackaged stream goes through them with hls.js).
 */
export function detectSupport(element: MediaElementLike, mse?: MediaSourceLike): BrowserSupport {
  const containers = Object.keys(CONTAINERS).filter((name) => plays(element, CONTAINERS[name]));
  const video = Object.keys(VIDEO).filter((name) => plays(element, VIDEO[name].element) && feeds(mse, VIDEO[name].mse));
  const audio = Object.keys(AUDIO).filter((name) => plays(element, AUDIO[name].element) && feeds(mse, AUDIO[name].mse));
  if (!containers.includes('mp4') || !video.includes('h264') || audio.length === 0) {
    // A browser that claims less than this is answering badly (or cannot be asked): the safe set plays anyway.
    return SAFE;
  }
  return { containers, video, audio };
}

/** The query parameters of the playback request (`containers`, `video`, `audio`). */
export function supportQuery(support: BrowserSupport): Record<string, string> {
  return { containers: support.containers.join(','), video: support.video.join(','), audio: support.audio.join(',') };
}

export type HlsEngine = 'hls.js' | 'native' | 'none';

/**
 * How to play an HLS answer: hls.js where Media Source Extensions exist (the same engine everywhere,
 * and what our fMP4 segments are made for), else the browser's own HLS (iPhone Safari), else nothing.
 */
export function chooseHlsEngine(hlsJsSupported: boolean, element: MediaElementLike): HlsEngine {
  if (hlsJsSupported) return 'hls.js';
  if (element.canPlayType('application/vnd.apple.mpegurl') !== '') return 'native';
  return 'none';
}

/** The browser's own objects, when there are any. */
export function browserSupport(): BrowserSupport {
  if (typeof document === 'undefined') return SAFE;
  const element = document.createElement('video');
  const mse = typeof window !== 'undefined' ? (window.MediaSource ?? (window as { ManagedMediaSource?: MediaSourceLike }).ManagedMediaSource) : undefined;
  return detectSupport(element, mse);
}

/** The HLS address with where playback starts (seconds), so the server's first conversion run begins there. */
export const withStart = (url: string, seconds: number) =>
  `${url}${url.includes('?') ? '&' : '?'}start=${Math.max(0, Math.floor(seconds))}`;
