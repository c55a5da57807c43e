/**
 * Every video plays in the browser: each file is probed with ffprobe ({@link Prober}), a decision is made
 * for the browser asking ({@link PlaybackDecider}: direct, remux, audio transcode or full transcode, with
 * reasons in words a user understands), and anything not direct is served as HLS produced live by ffmpeg
 * ({@link HlsSessions}) reading the torrent through our own Range reader ({@link LoopbackFiles}), so the
 * pieces it needs get deadlines exactly as for a direct play.
 */
package com.hypertube.streaming.playback;
