package com.hypertube.streaming.playback;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the asking browser plays: containers, video codecs and audio codecs, by the names ffprobe uses. The
 * web app sends what {@code canPlayType} and {@code MediaSource.isTypeSupported} told it, or a named
 * profile; without either, {@link #SAFE}, which every browser with HTML5 video plays.
 *
 * <p>{@code h264} means 8-bit H.264 (no browser decodes 10-bit H.264); HEVC's Main 10 counts as {@code hevc}.
 */
public record BrowserSupport(Set<String> containers, Set<String> video, Set<String> audio) {

    static final Set<String> KNOWN_CONTAINERS = Set.of("mp4", "mov", "webm", "matroska", "avi", "mpegts");
    static final Set<String> KNOWN_VIDEO = Set.of("h264", "hevc", "vp8", "vp9", "av1", "mpeg4", "mpeg2video");
    static final Set<String> KNOWN_AUDIO =
            Set.of("aac", "mp3", "opus", "vorbis", "flac", "ac3", "eac3", "alac", "dts", "truehd", "pcm_s16le");

    public static final BrowserSupport SAFE = of("mp4", "h264", "aac,mp3");

    /** Measured or documented for each engine; Chromium plays Matroska with H.264/AAC directly. */
    static final Map<String, BrowserSupport> PROFILES = Map.of(
            "safe", SAFE,
            "chromium", of("mp4,webm,matroska", "h264,vp8,vp9,av1", "aac,mp3,opus,vorbis,flac"),
            "firefox", of("mp4,webm", "h264,vp8,vp9,av1", "aac,mp3,opus,vorbis,flac"),
            "safari", of("mp4,mov", "h264,hevc", "aac,mp3,ac3,eac3,flac,alac"));

    public BrowserSupport {
        containers = Set.copyOf(containers);
        video = Set.copyOf(video);
        audio = Set.copyOf(audio);
    }

    /**
     * From the request: a named profile, and explicit lists that replace the profile's; unknown names are
     * refused (a typo would otherwise silently mean "transcode everything").
     */
    public static BrowserSupport from(String profile, String containers, String video, String audio) {
        BrowserSupport base = SAFE;
        if (profile != null && !profile.isBlank()) {
            base = PROFILES.get(profile.trim().toLowerCase(Locale.ROOT));
            if (base == null) {
                throw new IllegalArgumentException("Unknown browser profile '" + profile + "': use one of "
                        + String.join(", ", PROFILES.keySet().stream().sorted().toList()) + ".");
            }
        }
        return new BrowserSupport(
                containers == null ? base.containers : names(containers, KNOWN_CONTAINERS, "container"),
                video == null ? base.video : names(video, KNOWN_VIDEO, "video codec"),
                audio == null ? base.audio : names(audio, KNOWN_AUDIO, "audio codec"));
    }

    private static BrowserSupport of(String containers, String video, String audio) {
        return new BrowserSupport(split(containers), split(video), split(audio));
    }

    private static Set<String> names(String list, Set<String> known, String what) {
        Set<String> names = split(list);
        if (names.size() > known.size()) {
            throw new IllegalArgumentException("Too many " + what + " names.");
        }
        for (String name : names) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("Unknown " + what + " '" + name + "': use names from "
                        + String.join(", ", known.stream().sorted().toList()) + ".");
            }
        }
        return names;
    }

    private static Set<String> split(String list) {
        Set<String> names = new LinkedHashSet<>();
        Arrays.stream(list.split(","))
                .map(name -> name.trim().toLowerCase(Locale.ROOT))
                .filter(name -> !name.isEmpty())
                .forEach(names::add);
        return names;
    }
}
