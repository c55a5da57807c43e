import { describe, expect, it } from 'vitest';
import { SAFE, chooseHlsEngine, detectSupport, supportQuery, type MediaElementLike, type MediaSourceLike } from './support';

/** A browser that answers "probably" to the types whose text contains one of `plays`. */
function element(...plays: string[]): MediaElementLike {
  return {
    canPlayType: (type) => {
      // With codecs, the codecs decide; without, the container does.
      const [mime, codecs] = type.split(';');
      const asked = codecs ?? mime;
      return plays.some((part) => asked.includes(part)) ? 'probably' : '';
    },
  };
}
function mse(...feeds: string[]): MediaSourceLike {
  return { isTypeSupported: (type) => feeds.some((part) => type.includes(part)) };
}

describe('what the browser plays', () => {
  it('lists what a Chromium-like browser answers for', () => {
    const chromium = element('video/mp4', 'video/webm', 'video/x-matroska', 'avc1', 'vp8', 'vp9', 'av01', 'mp4a.40.2', 'audio/mpeg', 'opus', 'vorbis', 'flac');
    const support = detectSupport(chromium, mse('avc1', 'vp8', 'vp9', 'av01', 'mp4a', 'audio/mpeg', 'opus', 'vorbis', 'flac'));
    expect(support.containers).toEqual(['mp4', 'webm', 'matroska']);
    expect(support.video).toEqual(['h264', 'vp8', 'vp9', 'av1']);
    expect(support.audio).toEqual(['aac', 'mp3', 'opus', 'vorbis', 'flac']);
    expect(support.video).not.toContain('hevc');
  });

  it('lists HEVC and AC-3 where the browser plays them (Safari)', () => {
    const safari = element('video/mp4', 'video/quicktime', 'avc1', 'hvc1', 'mp4a.40.2', 'audio/mpeg', 'ac-3', 'ec-3', 'alac', 'flac');
    const support = detectSupport(safari, mse('avc1', 'hvc1', 'mp4a', 'ac-3', 'ec-3', 'alac', 'flac', 'audio/mpeg'));
    expect(support.containers).toEqual(['mp4', 'mov']);
    expect(support.video).toEqual(['h264', 'hevc']);
    expect(support.audio).toEqual(['aac', 'mp3', 'flac', 'ac3', 'eac3', 'alac']);
  });

  it('leaves out a codec Media Source Extensions refuse, as hls.js could not play it', () => {
    const browser = element('video/mp4', 'avc1', 'hvc1', 'mp4a.40.2');
    expect(detectSupport(browser, mse('avc1', 'mp4a')).video).toEqual(['h264']);
    expect(detectSupport(browser).video).toEqual(['h264', 'hevc']); // no MSE: <video> alone decides
  });

  it('answers the safe set when the browser claims too little to be believed', () => {
    expect(detectSupport(element())).toEqual(SAFE);
    expect(detectSupport(element('video/webm', 'vp9', 'opus'))).toEqual(SAFE);
  });

  it('survives an isTypeSupported that throws', () => {
    const throwing: MediaSourceLike = {
      isTypeSupported: (type) => {
        if (type.includes('hvc1') || type.includes('hev1')) throw new Error('bad type');
        return true;
      },
    };
    expect(detectSupport(element('video/mp4', 'avc1', 'hvc1', 'mp4a.40.2'), throwing).video).toEqual(['h264']);
  });

  it('becomes the playback request query', () => {
    expect(supportQuery({ containers: ['mp4', 'webm'], video: ['h264'], audio: ['aac', 'opus'] })).toEqual({
      containers: 'mp4,webm',
      video: 'h264',
      audio: 'aac,opus',
    });
  });

  it('plays HLS with hls.js where it works, natively on Safari without MSE, else not at all', () => {
    expect(chooseHlsEngine(true, element('application/vnd.apple.mpegurl'))).toBe('hls.js');
    expect(chooseHlsEngine(false, element('application/vnd.apple.mpegurl'))).toBe('native');
    expect(chooseHlsEngine(false, element('video/mp4'))).toBe('none');
  });
});
