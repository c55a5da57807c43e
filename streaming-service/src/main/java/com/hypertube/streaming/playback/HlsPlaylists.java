package com.hypertube.streaming.playback;

import java.util.Locale;

/**
 * The playlists of a file played as HLS. The media playlist is complete from the start (VOD, every segment
 * listed, its length known from the probe), so a player can seek anywhere at once; ffmpeg writes each
 * segment when it is first asked for.
 */
final class HlsPlaylists {

    private HlsPlaylists() {}

    /** One variant: the file converted the way the decision said. */
    static String master(MediaProbe probe, PlaybackMethod method, int startSegment) {
        MediaProbe.Video video = probe.mainVideo().orElseThrow();
        boolean transcode = method == PlaybackMethod.TRANSCODE;
        long bandwidth = transcode ? 8_000_000 : Math.max(probe.bitRate(), 1_000_000);
        int height = transcode ? Math.min(video.height(), 1080) : video.height();
        int width =
                transcode && video.height() > 1080 ? Math.round(video.width() * 1080f / video.height()) : video.width();
        StringBuilder playlist = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-INDEPENDENT-SEGMENTS\n");
        playlist.append("#EXT-X-STREAM-INF:BANDWIDTH=").append(bandwidth);
        if (width > 0 && height > 0) {
            playlist.append(",RESOLUTION=").append(width).append('x').append(height);
        }
        codecs(probe, method)
                .ifPresent(
                        codecs -> playlist.append(",CODECS=\"").append(codecs).append('"'));
        playlist.append('\n')
                .append(method.slug())
                .append("/index.m3u8")
                .append(startHint(startSegment))
                .append('\n');
        return playlist.toString();
    }

    /**
     * @param startSegment where the player will start (a resumed film): the init segment's address says so, so
     *     that the first ffmpeg run starts there rather than at 0 and again at the resume point
     */
    static String media(double durationSeconds, int segmentSeconds, int startSegment) {
        int segments = segmentCount(durationSeconds, segmentSeconds);
        StringBuilder playlist = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:7\n")
                // Segments of copied video end at keyframes, so one may run past the nominal length.
                .append("#EXT-X-TARGETDURATION:")
                .append(segmentSeconds * 2)
                .append('\n')
                .append("#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-PLAYLIST-TYPE:VOD\n#EXT-X-INDEPENDENT-SEGMENTS\n")
                .append("#EXT-X-MAP:URI=\"init.mp4")
                .append(startHint(startSegment))
                .append("\"\n");
        for (int segment = 0; segment < segments; segment++) {
            double length = Math.min(segmentSeconds, durationSeconds - (double) segment * segmentSeconds);
            playlist.append(String.format(Locale.ROOT, "#EXTINF:%.3f,%n", length))
                    .append(segment)
                    .append(".m4s\n");
        }
        return playlist.append("#EXT-X-ENDLIST\n").toString();
    }

    private static String startHint(int startSegment) {
        return startSegment > 0 ? "?start=" + startSegment : "";
    }

    static int segmentCount(double durationSeconds, int segmentSeconds) {
        // A last sliver under a tenth of a second is not worth a segment of its own.
        return Math.max(1, (int) Math.ceil((durationSeconds - 0.1) / segmentSeconds));
    }

    /** RFC 6381 codecs of the variant, when we can name them (the player parses the init segment otherwise). */
    private static java.util.Optional<String> codecs(MediaProbe probe, PlaybackMethod method) {
        MediaProbe.Video video = probe.mainVideo().orElseThrow();
        String videoCodec;
        if (method == PlaybackMethod.TRANSCODE) {
            videoCodec = "avc1.640028"; // High profile, level 4.0: what our libx264 settings produce up to 1080p
        } else if (video.codec().equals("h264") && video.level() > 0) {
            videoCodec = String.format(Locale.ROOT, "avc1.%02x00%02x", h264ProfileIdc(video.profile()), video.level());
        } else {
            return java.util.Optional.empty();
        }
        String audioCodec = probe.mainAudio()
                .map(audio -> switch (method) {
                    case AUDIO_TRANSCODE -> "mp4a.40.2";
                    case TRANSCODE -> audio.codec().equals("mp3") ? "mp4a.40.34" : "mp4a.40.2";
                    default ->
                        switch (audio.codec()) {
                            case "aac" -> "mp4a.40.2";
                            case "mp3" -> "mp4a.40.34";
                            default -> null;
                        };
                })
                .orElse("");
        if (audioCodec == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(audioCodec.isEmpty() ? videoCodec : videoCodec + "," + audioCodec);
    }

    private static int h264ProfileIdc(String profile) {
        return switch (profile.toLowerCase(Locale.ROOT)) {
            case "baseline", "constrained baseline" -> 66;
            case "main" -> 77;
            case "high 10" -> 110;
            default -> 100;
        };
    }
}
