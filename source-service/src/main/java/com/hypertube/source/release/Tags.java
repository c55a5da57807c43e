package com.hypertube.source.release;

import static com.hypertube.source.release.AudioCodec.AAC;
import static com.hypertube.source.release.AudioCodec.AC3;
import static com.hypertube.source.release.AudioCodec.DTS;
import static com.hypertube.source.release.AudioCodec.DTS_HD;
import static com.hypertube.source.release.AudioCodec.EAC3;
import static com.hypertube.source.release.AudioCodec.FLAC;
import static com.hypertube.source.release.AudioCodec.MP3;
import static com.hypertube.source.release.AudioCodec.OPUS;
import static com.hypertube.source.release.AudioCodec.TRUEHD;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The tags a name may carry, keyed by their words lower-cased and run together, so that "H.264", "H 264"
 * and "h264" are one key, as are "WEB-DL"/"WEBDL" and "DTS-HD.MA"/"DTS-HD MA".
 */
final class Tags {

    /** Longest key in words: "dts hd ma", "e ac 3", "dolby digital plus". */
    static final int MAX_WORDS = 3;

    /**
     * A weak tag is also an ordinary word ("Web of Make Believe", "Magnum Opus", "Cam"), so it counts only
     * after the title has ended, and it cannot end the title itself. An audio tag may carry its channel
     * count glued on ("DDP5.1", "AAC2.0").
     */
    record Tag(boolean weak, boolean audio, Consumer<Draft> effect) {}

    private static final Map<String, Tag> TABLE = build();

    private Tags() {}

    static Tag find(String key) {
        return TABLE.get(key);
    }

    private static Map<String, Tag> build() {
        var t = new HashMap<String, Tag>();
        strong(t, d -> d.quality(Quality.P2160), "2160p", "3840x2160");
        weak(t, d -> d.quality(Quality.P2160), "4k", "uhd");
        strong(t, d -> d.quality(Quality.P1080), "1080p", "1080i", "1920x1080");
        strong(t, d -> d.quality(Quality.P720), "720p", "1280x720");
        strong(t, d -> d.quality(Quality.P480), "480p", "480i", "576p", "576i", "720x480");

        strong(t, d -> d.source(SourceKind.REMUX), "remux", "bdremux");
        strong(t, d -> d.source(SourceKind.BLURAY), "bluray", "bdrip", "brrip", "bdmux");
        weak(t, d -> d.source(SourceKind.BLURAY), "bd");
        strong(t, d -> d.source(SourceKind.WEB_DL), "webdl");
        // Scene "WEB" is an untouched stream capture, i.e. a WEB-DL.
        weak(t, d -> d.source(SourceKind.WEB_DL), "web");
        strong(t, d -> d.source(SourceKind.WEBRIP), "webrip");
        strong(t, d -> d.source(SourceKind.HDRIP), "hdrip");
        strong(t, d -> d.source(SourceKind.HDTV), "hdtv", "pdtv", "sdtv", "hdtvrip", "tvrip", "dsr", "dsrip");
        strong(t, d -> d.source(SourceKind.DVD), "dvd5", "dvd9", "dvdr");
        weak(t, d -> d.source(SourceKind.DVD), "dvd");
        strong(t, d -> d.source(SourceKind.DVDRIP), "dvdrip");
        strong(t, d -> d.source(SourceKind.SCREENER), "screener", "dvdscr", "dvdscreener", "bdscr", "webscr");
        weak(t, d -> d.source(SourceKind.SCREENER), "scr");
        strong(t, d -> d.source(SourceKind.TELECINE), "telecine", "hdtc");
        weak(t, d -> d.source(SourceKind.TELECINE), "tc");
        strong(t, d -> d.source(SourceKind.TELESYNC), "telesync", "hdts");
        weak(t, d -> d.source(SourceKind.TELESYNC), "ts");
        strong(t, d -> d.source(SourceKind.CAM), "hdcam", "camrip");
        weak(t, d -> d.source(SourceKind.CAM), "cam");

        strong(t, d -> d.videoCodec(VideoCodec.H264), "x264", "h264", "avc");
        strong(t, d -> d.videoCodec(VideoCodec.HEVC), "x265", "h265", "hevc");
        strong(t, d -> d.videoCodec(VideoCodec.AV1), "av1");
        strong(t, d -> d.videoCodec(VideoCodec.VP9), "vp9");
        strong(t, d -> d.videoCodec(VideoCodec.XVID), "xvid", "divx");
        strong(t, d -> d.videoCodec(VideoCodec.MPEG2), "mpeg2", "h262");
        strong(t, d -> d.videoCodec(VideoCodec.VC1), "vc1");

        strong(t, d -> d.bitDepth(8), "8bit");
        strong(t, d -> d.bitDepth(10), "10bit", "hi10p", "hi10");
        strong(t, d -> d.bitDepth(12), "12bit");
        strong(t, Draft::hdr, "hdr", "hdr10", "hdr10+", "hdr10plus", "hlg", "dolbyvision", "dovi");
        weak(t, Draft::hdr, "dv");

        audio(t, false, d -> d.audioCodec(AAC), "aac");
        audio(t, false, d -> d.audioCodec(AC3), "ac3", "dolbydigital");
        audio(t, true, d -> d.audioCodec(AC3), "dd");
        audio(t, false, d -> d.audioCodec(EAC3), "eac3", "ddp", "dd+", "dolbydigitalplus");
        audio(t, false, d -> atmos(d, EAC3), "ddpa", "dd+a");
        audio(t, false, d -> d.audioCodec(DTS), "dts", "dtses");
        audio(t, false, d -> d.audioCodec(DTS_HD), "dtshd", "dtshdma", "dtsma", "dtsx");
        audio(t, false, d -> d.audioCodec(TRUEHD), "truehd");
        audio(t, false, d -> d.audioCodec(FLAC), "flac");
        audio(t, false, d -> d.audioCodec(MP3), "mp3");
        audio(t, true, d -> d.audioCodec(OPUS), "opus");
        audio(t, true, Draft::atmos, "atmos", "dolbyatmos");
        strong(t, d -> d.audioChannels("2.0"), "2ch");
        strong(t, d -> d.audioChannels("5.1"), "6ch");
        strong(t, d -> d.audioChannels("7.1"), "8ch");

        strong(t, d -> d.container(Container.MKV), "mkv");
        strong(t, d -> d.container(Container.MP4), "mp4");
        strong(t, d -> d.container(Container.AVI), "avi");
        strong(t, d -> d.container(Container.WEBM), "webm");
        strong(t, d -> d.container(Container.M4V), "m4v");
        strong(t, d -> d.container(Container.TS), "m2ts");

        // No field, but scene names put them right after the title, so they end it.
        strong(t, d -> {}, "proper", "repack", "rerip");
        return Map.copyOf(t);
    }

    private static void atmos(Draft draft, AudioCodec carrier) {
        draft.audioCodec(carrier);
        draft.atmos();
    }

    private static void strong(Map<String, Tag> table, Consumer<Draft> effect, String... keys) {
        put(table, new Tag(false, false, effect), keys);
    }

    private static void weak(Map<String, Tag> table, Consumer<Draft> effect, String... keys) {
        put(table, new Tag(true, false, effect), keys);
    }

    private static void audio(Map<String, Tag> table, boolean weak, Consumer<Draft> effect, String... keys) {
        put(table, new Tag(weak, true, effect), keys);
    }

    private static void put(Map<String, Tag> table, Tag tag, String... keys) {
        for (String key : keys) {
            if (table.put(key, tag) != null) {
                throw new IllegalStateException("Release tag listed twice: " + key);
            }
        }
    }
}
