package com.hypertube.streaming.playback;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The cheapest way a file plays in a browser: direct, else remux, else audio transcode, else a full
 * transcode. Pure: the same probe and browser always give the same decision (tested as a table).
 */
public final class PlaybackDecider {

    /** Video ffmpeg can copy into fragmented MP4 (HLS); anything else is converted even if the browser knows it. */
    static final Set<String> COPYABLE_VIDEO = Set.of("h264", "hevc", "av1", "vp9");

    /** Audio ffmpeg can copy into fragmented MP4. */
    static final Set<String> COPYABLE_AUDIO = Set.of("aac", "mp3", "ac3", "eac3", "flac", "opus", "alac");

    /** Audio a transcode keeps as it is: every browser plays it. */
    static final Set<String> UNIVERSAL_AUDIO = Set.of("aac", "mp3");

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("h264", "H.264"),
            Map.entry("hevc", "HEVC"),
            Map.entry("av1", "AV1"),
            Map.entry("vp8", "VP8"),
            Map.entry("vp9", "VP9"),
            Map.entry("mpeg4", "MPEG-4 Part 2 (DivX/Xvid)"),
            Map.entry("mpeg2video", "MPEG-2"),
            Map.entry("msmpeg4v3", "MS MPEG-4"),
            Map.entry("aac", "AAC"),
            Map.entry("mp3", "MP3"),
            Map.entry("ac3", "AC-3 (Dolby Digital)"),
            Map.entry("eac3", "E-AC-3 (Dolby Digital Plus)"),
            Map.entry("dts", "DTS"),
            Map.entry("truehd", "Dolby TrueHD"),
            Map.entry("flac", "FLAC"),
            Map.entry("opus", "Opus"),
            Map.entry("vorbis", "Vorbis"),
            Map.entry("mp4", "MP4"),
            Map.entry("mov", "QuickTime"),
            Map.entry("matroska", "Matroska (MKV)"),
            Map.entry("webm", "WebM"),
            Map.entry("avi", "AVI"),
            Map.entry("mpegts", "MPEG-TS"));

    private PlaybackDecider() {}

    public static PlaybackDecision decide(MediaProbe probe, BrowserSupport browser) {
        MediaProbe.Video video =
                probe.mainVideo().orElseThrow(() -> new UnplayableMediaException("the file has no video track"));
        List<String> reasons = new ArrayList<>();
        if (!videoPlays(video, browser) || !COPYABLE_VIDEO.contains(video.codec())) {
            reasons.add(videoName(video) + " video: converting to H.264.");
            probe.mainAudio()
                    .filter(audio -> !UNIVERSAL_AUDIO.contains(audio.codec()))
                    .ifPresent(audio -> reasons.add(name(audio.codec()) + " audio: converting to AAC."));
            return new PlaybackDecision(PlaybackMethod.TRANSCODE, reasons);
        }
        boolean audioPlays = probe.mainAudio()
                .map(audio -> browser.audio().contains(audio.codec()))
                .orElse(true);
        if (!audioPlays) {
            reasons.add(name(probe.mainAudio().orElseThrow().codec()) + " audio: converting to AAC; the video ("
                    + videoName(video) + ") is copied as it is.");
            return new PlaybackDecision(PlaybackMethod.AUDIO_TRANSCODE, reasons);
        }
        boolean audioCopies = probe.mainAudio()
                .map(audio -> COPYABLE_AUDIO.contains(audio.codec()))
                .orElse(true);
        if (!browser.containers().contains(probe.container())) {
            if (!audioCopies) {
                reasons.add(name(probe.container()) + " container with "
                        + name(probe.mainAudio().orElseThrow().codec())
                        + " audio: converting the audio to AAC; the video is copied as it is.");
                return new PlaybackDecision(PlaybackMethod.AUDIO_TRANSCODE, reasons);
            }
            reasons.add(
                    name(probe.container()) + " container: repackaging as MP4 while it plays; nothing is re-encoded.");
            return new PlaybackDecision(PlaybackMethod.REMUX, reasons);
        }
        reasons.add(name(probe.container()) + " with " + videoName(video) + " video"
                + probe.mainAudio()
                        .map(audio -> " and " + name(audio.codec()) + " audio")
                        .orElse("")
                + ": plays as it is.");
        return new PlaybackDecision(PlaybackMethod.DIRECT, reasons);
    }

    /** Whether the file plays directly in the common browsers (the {@code safe} profile): no conversion kept. */
    public static boolean playsEverywhere(MediaProbe probe) {
        return probe.mainVideo().isPresent()
                && decide(probe, BrowserSupport.SAFE).method() == PlaybackMethod.DIRECT;
    }

    private static boolean videoPlays(MediaProbe.Video video, BrowserSupport browser) {
        if (!browser.video().contains(video.codec())) {
            return false;
        }
        // No browser decodes 10-bit H.264 (Hi10P); 10-bit HEVC, VP9 and AV1 are fine where the codec is.
        return !(video.codec().equals("h264") && video.bitDepth() > 8);
    }

    private static String videoName(MediaProbe.Video video) {
        return name(video.codec()) + (video.bitDepth() > 8 ? " " + video.bitDepth() + "-bit" : "");
    }

    private static String name(String codec) {
        return NAMES.getOrDefault(codec, codec.toUpperCase(Locale.ROOT));
    }
}
