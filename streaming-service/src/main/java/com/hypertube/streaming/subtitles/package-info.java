/**
 * Subtitles as browsers show them, WebVTT in UTF-8: text tracks embedded in a file (extracted with ffmpeg once the
 * file is complete) and subtitle files inside the torrent (read as soon as they are asked for), whatever their
 * encoding ({@link SubtitleText}) or format (SubRip, ASS/SSA, WebVTT, mov_text); cues that cannot be read are
 * dropped and counted, never the whole track.
 */
package com.hypertube.streaming.subtitles;
