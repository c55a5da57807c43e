package com.hypertube.source.ranking;

import com.hypertube.source.provider.FoundSource;
import com.hypertube.source.release.AudioCodec;
import com.hypertube.source.release.Container;
import com.hypertube.source.release.Quality;
import com.hypertube.source.release.ReleaseInfo;
import com.hypertube.source.release.ReleaseNames;
import com.hypertube.source.release.SourceKind;
import com.hypertube.source.release.VideoCodec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The one order of sources, so "why is this one first?" has one answer. A source's score is a number whose
 * digits are, from the most significant:
 *
 * <ol>
 *   <li><b>on this server</b>: 1 when the torrent is complete on this server's disk (it starts at once, whatever
 *       its swarm), 0 otherwise;
 *   <li><b>standing</b>: 0 when it is known to have no seeders (it may never start), 1 for a camera,
 *       telesync, telecine or screener copy, 2 for everything else;
 *   <li><b>health</b>: 2 with 10 seeders or more, 1 with fewer, 0 when nobody measured them;
 *   <li><b>quality</b>: 9 for the quality the user prefers, then one less for each step below it, then each
 *       step above it after every lower one, unknown last (for 1080p: 1080p, 720p, 480p, 2160p, unknown);
 *   <li><b>playback</b>: 2 plays directly in a browser, 1 needs a remux, 0 needs a conversion;
 *   <li><b>size</b>: 2 usual for its quality, 1 unknown, 0 too small (a poor encode) or too large (slow);
 *   <li>then two digits growing with the seeders (logarithmically), to order sources alike in the rest.
 * </ol>
 *
 * <p>Health comes in bands rather than as a count so that 40 and 4,000 seeders, both plenty for streaming,
 * leave the choice to quality and playback.
 */
public final class Ranking {

    /** Best first; equal scores by more seeders, then by name, so the order never depends on arrival. */
    public static final Comparator<RankedSource> ORDER = Comparator.comparingLong(RankedSource::score)
            .reversed()
            .thenComparing(
                    ranked -> ranked.source().seeders() == null
                            ? -1
                            : ranked.source().seeders(),
                    Comparator.reverseOrder())
            .thenComparing(ranked -> ranked.source().releaseName());

    public static final Quality DEFAULT_QUALITY = Quality.P1080;

    // Enough seeders that a stream starts fast and keeps up; fewer is "few seeders".
    private static final int HEALTHY = 10;
    private static final long GIB = 1L << 30;
    private static final long MIB = 1L << 20;
    // YTS encodes every release as H.264 with AAC audio in MP4 (its FAQ); its names say none of this.
    private static final String YTS = "YTS";

    private Ranking() {}

    /** Each source ranked for the preferred quality, best first. */
    public static List<RankedSource> rank(List<FoundSource> sources, Quality preferred) {
        return rank(sources, preferred, Set.of());
    }

    /** The same, with the info hashes of the torrents complete on this server, which come first. */
    public static List<RankedSource> rank(List<FoundSource> sources, Quality preferred, Set<String> onThisServer) {
        return sources.stream()
                .map(source -> rank(source, preferred, onThisServer.contains(source.infoHash())))
                .sorted(ORDER)
                .toList();
    }

    public static RankedSource rank(FoundSource source, Quality preferred) {
        return rank(source, preferred, false);
    }

    private static RankedSource rank(FoundSource source, Quality preferred, boolean onThisServer) {
        ReleaseInfo release = ReleaseNames.parse(source.releaseName());
        List<String> reasons = new ArrayList<>();
        if (onThisServer) {
            reasons.add("already on this server: starts at once");
        }
        Integer seeders = source.seeders();
        Optional<SourceKind> kind =
                release.source().or(() -> hinted(source.hints().source()));
        int standing = 2;
        if (seeders != null && seeders == 0) {
            standing = 0;
            reasons.add("no seeders: it may never start");
        } else {
            reasons.add(seeders == null ? "seeders unknown" : count(seeders, "seeder"));
        }
        String camera = kind.map(Ranking::camera).orElse(null);
        if (camera != null) {
            standing = Math.min(standing, 1);
            reasons.add(camera);
        }
        int health = seeders == null || seeders == 0 ? 0 : seeders >= HEALTHY ? 2 : 1;
        if (health == 1) {
            reasons.add("few seeders: it may start slowly");
        }
        Optional<Quality> quality =
                release.quality().or(() -> quality(source.hints().quality()));
        int qualityDigit = qualityDigit(quality, preferred, reasons);
        Format format = format(source, release, kind);
        Playback playback = format.playback();
        reasons.add(
                switch (playback) {
                    case DIRECT -> "plays directly in the browser";
                    case REMUX -> "plays in the browser after a quick repackaging";
                    case CONVERT -> "needs conversion: " + String.join(", ", format.why());
                });
        int size = sizeDigit(source, release, quality, reasons);
        int swarm = seeders == null || seeders == 0 ? 0 : (int) Math.min(99, Math.round(Math.log10(seeders) * 20));
        long score = (onThisServer ? 10_000_000L : 0)
                + standing * 1_000_000L
                + health * 100_000L
                + qualityDigit * 10_000L
                + (2 - playback.ordinal()) * 1_000L
                + size * 100L
                + swarm;
        return new RankedSource(source, withQuality(release, quality), playback, score, reasons);
    }

    /** The quality a request asks for ("1080p", "720P"...); empty when it is not one we know. */
    public static Optional<Quality> quality(String label) {
        if (label == null) {
            return Optional.empty();
        }
        String wanted = label.strip().toLowerCase(Locale.ROOT);
        for (Quality quality : Quality.values()) {
            if (quality.label().equals(wanted)) {
                return Optional.of(quality);
            }
        }
        return Optional.empty();
    }

    private static int qualityDigit(Optional<Quality> quality, Quality preferred, List<String> reasons) {
        if (quality.isEmpty()) {
            reasons.add("quality unknown");
            return 0;
        }
        Quality got = quality.get();
        // Quality's order is best first: a larger ordinal is a lower resolution.
        int steps = got.ordinal() - preferred.ordinal();
        if (steps == 0) {
            reasons.add(got.label() + ", as you prefer");
            return 9;
        }
        if (steps > 0) {
            reasons.add(got.label() + ", below the " + preferred.label() + " you prefer");
            return 9 - steps;
        }
        reasons.add(got.label() + ", above the " + preferred.label() + " you prefer");
        return 9 - (Quality.values().length - 1) + steps; // after every lower quality, nearest first
    }

    private record Format(Playback playback, List<String> why) {}

    private static Format format(FoundSource source, ReleaseInfo release, Optional<SourceKind> kind) {
        boolean yts = YTS.equals(source.provider());
        Optional<VideoCodec> video =
                release.videoCodec().or(() -> codec(source.hints().codec()));
        OptionalInt depth = release.bitDepth().isPresent()
                ? release.bitDepth()
                : depth(source.hints().bitDepth());
        Optional<AudioCodec> audio =
                release.audioCodec().or(() -> yts ? Optional.of(AudioCodec.AAC) : Optional.empty());
        Optional<Container> container =
                release.container().or(() -> yts ? Optional.of(Container.MP4) : Optional.empty());
        List<String> why = new ArrayList<>();
        if (kind.filter(SourceKind.DVD::equals).isPresent()) {
            why.add("a DVD image");
        }
        // An unnamed codec is taken as H.264 and unnamed audio as playable: that is what most releases carry.
        switch (video.orElse(VideoCodec.H264)) {
            case H264 -> {
                if (depth.orElse(8) > 8) {
                    why.add("10-bit H.264 video");
                }
            }
            case AV1, VP9 -> {}
            case HEVC -> why.add("HEVC video");
            case XVID -> why.add("XviD video");
            case MPEG2 -> why.add("MPEG-2 video");
            case VC1 -> why.add("VC-1 video");
        }
        audio.filter(codec -> !List.of(AudioCodec.AAC, AudioCodec.MP3, AudioCodec.OPUS)
                        .contains(codec))
                .ifPresent(codec -> why.add(audioName(codec) + " audio"));
        if (!why.isEmpty()) {
            return new Format(Playback.CONVERT, why);
        }
        boolean web = container
                .filter(c -> c == Container.MP4 || c == Container.M4V || c == Container.WEBM)
                .isPresent();
        return new Format(web ? Playback.DIRECT : Playback.REMUX, List.of());
    }

    private static int sizeDigit(
            FoundSource source, ReleaseInfo release, Optional<Quality> quality, List<String> reasons) {
        Long bytes = source.sizeBytes();
        if (bytes == null || bytes == 0 || quality.isEmpty()) {
            return 1;
        }
        boolean episode = source.season() != null || release.episode().isPresent();
        // Film sizes; an episode is a fraction of a film. Below, the picture is starved; above, slow to fetch.
        long[] range =
                switch (quality.get()) {
                    case P2160 -> new long[] {4 * GIB, 40 * GIB};
                    case P1080 -> new long[] {1536 * MIB, 12 * GIB};
                    case P720 -> new long[] {512 * MIB, 6 * GIB};
                    case P480 -> new long[] {200 * MIB, 3 * GIB};
                };
        long low = episode ? range[0] / 6 : range[0];
        long high = episode ? range[1] / 3 : range[1];
        String label = quality.get().label();
        if (bytes < low) {
            reasons.add("small for " + label + " (" + size(bytes) + "): likely a poor picture");
            return 0;
        }
        if (bytes > high) {
            reasons.add("large for " + label + " (" + size(bytes) + "): slow to fetch");
            return 0;
        }
        return 2;
    }

    private static String camera(SourceKind kind) {
        return switch (kind) {
            case CAM -> "camera recording";
            case TELESYNC -> "camera recording with direct sound (telesync)";
            case TELECINE -> "copied from a film reel (telecine)";
            case SCREENER -> "screener copy, often watermarked";
            default -> null;
        };
    }

    private static String audioName(AudioCodec codec) {
        return switch (codec) {
            case AC3 -> "AC-3";
            case EAC3 -> "E-AC-3";
            case DTS, DTS_HD -> "DTS";
            case TRUEHD -> "TrueHD";
            case FLAC -> "FLAC";
            case AAC -> "AAC";
            case MP3 -> "MP3";
            case OPUS -> "Opus";
        };
    }

    private static ReleaseInfo withQuality(ReleaseInfo info, Optional<Quality> quality) {
        return new ReleaseInfo(
                quality,
                info.source(),
                info.videoCodec(),
                info.bitDepth(),
                info.hdr(),
                info.audioCodec(),
                info.audioChannels(),
                info.atmos(),
                info.container(),
                info.releaseGroup(),
                info.season(),
                info.episode(),
                info.title(),
                info.year());
    }

    // Hints are the provider's own words: "bluray"/"web", "x264"/"x265", "8"/"10".
    private static Optional<SourceKind> hinted(String source) {
        if (source == null) {
            return Optional.empty();
        }
        return switch (source.strip().toLowerCase(Locale.ROOT)) {
            case "bluray" -> Optional.of(SourceKind.BLURAY);
            case "web" -> Optional.of(SourceKind.WEB_DL);
            case "cam" -> Optional.of(SourceKind.CAM);
            default -> Optional.empty();
        };
    }

    private static Optional<VideoCodec> codec(String codec) {
        if (codec == null) {
            return Optional.empty();
        }
        return switch (codec.strip().toLowerCase(Locale.ROOT)) {
            case "x264", "h264", "h.264", "avc" -> Optional.of(VideoCodec.H264);
            case "x265", "h265", "h.265", "hevc" -> Optional.of(VideoCodec.HEVC);
            case "av1" -> Optional.of(VideoCodec.AV1);
            default -> Optional.empty();
        };
    }

    private static OptionalInt depth(String text) {
        try {
            return text == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    static String count(int n, String noun) {
        return String.format(Locale.US, "%,d %s%s", n, noun, n == 1 ? "" : "s");
    }

    static String size(long bytes) {
        return bytes >= GIB
                ? String.format(Locale.US, "%.1f GB", bytes / (double) GIB)
                : String.format(Locale.US, "%d MB", Math.round(bytes / (double) MIB));
    }
}
