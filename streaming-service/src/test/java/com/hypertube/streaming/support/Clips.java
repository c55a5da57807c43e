package com.hypertube.streaming.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Short video files made by the real ffmpeg, once per build (under {@code target/clips}): the cases a
 * browser plays directly, one it needs remuxed, one it needs transcoded, and broken ones. Each has a
 * moving test pattern and a tone, so that a wrong conversion shows in ffprobe's answer.
 */
public final class Clips {

    private static final Path FOLDER = Path.of("target", "clips").toAbsolutePath();

    private Clips() {}

    /** MP4, H.264 + AAC, {@code moov} first: plays directly everywhere. */
    public static Path mp4() throws IOException {
        return make(
                "h264-aac-faststart.mp4",
                source(12),
                List.of(
                        "-c:v",
                        "libx264",
                        "-preset",
                        "ultrafast",
                        "-g",
                        "48",
                        "-pix_fmt",
                        "yuv420p",
                        "-c:a",
                        "aac",
                        "-movflags",
                        "+faststart"));
    }

    /** MP4 with its index ({@code moov}) at the end, as ffmpeg writes it by default. */
    public static Path mp4MoovAtEnd() throws IOException {
        return make(
                "h264-aac-moov-at-end.mp4",
                source(12),
                List.of("-c:v", "libx264", "-preset", "ultrafast", "-g", "48", "-pix_fmt", "yuv420p", "-c:a", "aac"));
    }

    /** Matroska, H.264 + AAC, with an English SRT track: Chromium plays it directly, the safe profile needs a remux. */
    public static Path mkvWithSubtitles() throws IOException {
        Path srt = FOLDER.resolve("english.srt");
        Files.createDirectories(FOLDER);
        Files.writeString(srt, "1\n00:00:01,000 --> 00:00:03,000\nHello\n\n2\n00:00:05,000 --> 00:00:07,000\nWorld\n");
        List<String> input = new ArrayList<>(source(12));
        input.addAll(List.of("-i", srt.toString()));
        return make(
                "h264-aac-srt.mkv",
                input,
                List.of(
                        "-map",
                        "0:v",
                        "-map",
                        "1:a",
                        "-map",
                        "2:s",
                        "-c:v",
                        "libx264",
                        "-preset",
                        "ultrafast",
                        "-g",
                        "48",
                        "-pix_fmt",
                        "yuv420p",
                        "-c:a",
                        "aac",
                        "-c:s",
                        "srt",
                        "-metadata:s:s:0",
                        "language=eng"));
    }

    /** Matroska, H.264 + AAC, 30 s with a keyframe every 10 s (x264's default for film): segments cannot be cut anywhere. */
    public static Path mkvLongKeyframeInterval() throws IOException {
        return make(
                "h264-aac-gop10s.mkv",
                source(30),
                List.of(
                        "-c:v",
                        "libx264",
                        "-preset",
                        "ultrafast",
                        "-g",
                        "240",
                        "-keyint_min",
                        "240",
                        "-sc_threshold",
                        "0",
                        "-pix_fmt",
                        "yuv420p",
                        "-c:a",
                        "aac"));
    }

    /** Matroska, HEVC Main 10 + AC-3 5.1: no common browser plays it, a full transcode. */
    public static Path mkvHevcAc3() throws IOException {
        return make(
                "hevc10-ac3.mkv",
                source(12),
                List.of(
                        "-c:v",
                        "libx265",
                        "-preset",
                        "ultrafast",
                        "-x265-params",
                        "log-level=error:keyint=48",
                        "-pix_fmt",
                        "yuv420p10le",
                        "-c:a",
                        "ac3",
                        "-ac",
                        "6"));
    }

    /** Like {@link #mkvHevcAc3}, 40 s of 640×360: a conversion that lasts long enough to be interrupted. */
    public static Path mkvHevcAc3Longer() throws IOException {
        return make(
                "hevc10-ac3-40s.mkv",
                List.of(
                        "-f",
                        "lavfi",
                        "-i",
                        "testsrc2=size=640x360:rate=24:duration=40,noise=alls=8:allf=t",
                        "-f",
                        "lavfi",
                        "-i",
                        "sine=frequency=440:sample_rate=48000:duration=40"),
                List.of(
                        "-c:v",
                        "libx265",
                        "-preset",
                        "ultrafast",
                        "-x265-params",
                        "log-level=error:keyint=48",
                        "-pix_fmt",
                        "yuv420p10le",
                        "-c:a",
                        "ac3",
                        "-ac",
                        "6"));
    }

    /** The 40 s HEVC Matroska file cut in half: its header announces 40 s, only about 20 can be read. */
    public static Path mkvTruncated() throws IOException {
        Path target = FOLDER.resolve("hevc10-ac3-40s-truncated.mkv");
        if (!Files.exists(target)) {
            byte[] whole = Files.readAllBytes(mkvHevcAc3Longer());
            write(target, java.util.Arrays.copyOf(whole, whole.length / 2));
        }
        return target;
    }

    /** An ASS file with styles and override tags, as fansubs are. */
    public static final String STYLED_ASS = """
            [Script Info]
            ScriptType: v4.00+

            [V4+ Styles]
            Format: Name, Fontname, Fontsize, PrimaryColour, Bold, Italic, Alignment
            Style: Default,Arial,20,&H00FFFFFF,0,0,2

            [Events]
            Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text
            Dialogue: 0,0:00:01.00,0:00:03.50,Default,,0,0,0,,{\\an8}{\\c&H00FFFF&}Bonjour {\\i1}tout{\\i0} le monde
            Dialogue: 0,0:00:05.25,0:00:07.00,Default,,0,0,0,,Deuxième\\Nligne
            """;

    /**
     * Matroska, H.264 + AAC, with a styled ASS track in French (default) and a SubRip track in English. (ffmpeg
     * cannot draw text into an image track: the image tracks' case is SubtitleTracksTest's.)
     */
    public static Path mkvWithAssAndSrtSubtitles() throws IOException {
        Files.createDirectories(FOLDER);
        Path ass = FOLDER.resolve("styled.ass");
        Files.writeString(ass, STYLED_ASS);
        Path srt = FOLDER.resolve("english.srt");
        Files.writeString(srt, "1\n00:00:01,000 --> 00:00:03,000\nHello\n\n2\n00:00:05,000 --> 00:00:07,000\nWorld\n");
        List<String> input = new ArrayList<>(source(12));
        input.addAll(List.of("-i", ass.toString(), "-i", srt.toString()));
        return make(
                "h264-aac-ass-srt.mkv",
                input,
                List.of(
                        "-map",
                        "0:v",
                        "-map",
                        "1:a",
                        "-map",
                        "2:s",
                        "-map",
                        "3:s",
                        "-c:v",
                        "libx264",
                        "-preset",
                        "ultrafast",
                        "-pix_fmt",
                        "yuv420p",
                        "-c:a",
                        "aac",
                        "-c:s:0",
                        "ass",
                        "-c:s:1",
                        "srt",
                        "-metadata:s:s:0",
                        "language=fre",
                        "-disposition:s:0",
                        "default",
                        "-metadata:s:s:1",
                        "language=eng"));
    }

    /** MP4 with a mov_text track in English, as iTunes-style files have. */
    public static Path mp4WithMovText() throws IOException {
        Files.createDirectories(FOLDER);
        Path srt = FOLDER.resolve("english.srt");
        Files.writeString(srt, "1\n00:00:01,000 --> 00:00:03,000\nHello\n\n2\n00:00:05,000 --> 00:00:07,000\nWorld\n");
        List<String> input = new ArrayList<>(source(12));
        input.addAll(List.of("-i", srt.toString()));
        return make(
                "h264-aac-movtext.mp4",
                input,
                List.of(
                        "-map",
                        "0:v",
                        "-map",
                        "1:a",
                        "-map",
                        "2:s",
                        "-c:v",
                        "libx264",
                        "-preset",
                        "ultrafast",
                        "-pix_fmt",
                        "yuv420p",
                        "-c:a",
                        "aac",
                        "-c:s",
                        "mov_text",
                        "-metadata:s:s:0",
                        "language=eng"));
    }

    /** AVI with MPEG-4 Part 2 and MP3, as old releases are. */
    public static Path avi() throws IOException {
        return make(
                "mpeg4-mp3.avi",
                source(12),
                List.of("-c:v", "mpeg4", "-q:v", "5", "-c:a", "libmp3lame", "-b:a", "128k"));
    }

    /** An MP4 cut in half with its index at the end: nothing can read it. */
    public static Path truncated() throws IOException {
        Path target = FOLDER.resolve("truncated.mp4");
        if (!Files.exists(target)) {
            byte[] whole = Files.readAllBytes(mp4MoovAtEnd());
            write(target, java.util.Arrays.copyOf(whole, whole.length / 2));
        }
        return target;
    }

    /** Sound only: nothing for a video player. */
    public static Path audioOnly() throws IOException {
        return make(
                "tone.m4a",
                List.of("-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=5"),
                List.of("-c:a", "aac"));
    }

    /**
     * A minute of 720p that looks like film to an encoder (moving pattern with grain), about 4 Mb/s, for the
     * playback benchmark: HEVC Main 10 with AC-3 (a full transcode) or H.264 with AAC in Matroska (a remux).
     */
    public static Path realistic(boolean hevc) throws IOException {
        List<String> input = List.of(
                "-f",
                "lavfi",
                "-i",
                "testsrc2=size=1280x720:rate=24:duration=60,noise=alls=12:allf=t",
                "-f",
                "lavfi",
                "-i",
                "sine=frequency=440:sample_rate=48000:duration=60");
        List<String> video = hevc
                ? List.of(
                        "-c:v",
                        "libx265",
                        "-preset",
                        "ultrafast",
                        "-x265-params",
                        "log-level=error:keyint=48",
                        "-pix_fmt",
                        "yuv420p10le",
                        "-b:v",
                        "4M",
                        "-c:a",
                        "ac3",
                        "-ac",
                        "6")
                : List.of(
                        "-c:v",
                        "libx264",
                        "-preset",
                        "veryfast",
                        "-g",
                        "48",
                        "-pix_fmt",
                        "yuv420p",
                        "-b:v",
                        "4M",
                        "-c:a",
                        "aac");
        return make(hevc ? "realistic-720p-hevc10-ac3.mkv" : "realistic-720p-h264-aac-long-gop.mkv", input, video);
    }

    /** {@link #realistic}'s H.264 minute with an English SubRip track, a cue every 5 s (the subtitle benchmark). */
    public static Path realisticWithSubtitles() throws IOException {
        Path film = realistic(false);
        Path srt = FOLDER.resolve("realistic.en.srt");
        StringBuilder cues = new StringBuilder();
        for (int cue = 0; cue < 12; cue++) {
            cues.append(String.format(
                    "%d%n00:00:%02d,000 --> 00:00:%02d,500%nLine %d%n%n", cue + 1, cue * 5, cue * 5 + 2, cue + 1));
        }
        Files.writeString(srt, cues);
        return make(
                "realistic-720p-h264-aac-srt.mkv",
                List.of("-i", film.toString(), "-i", srt.toString()),
                List.of(
                        "-map",
                        "0:v",
                        "-map",
                        "0:a",
                        "-map",
                        "1:s",
                        "-c",
                        "copy",
                        "-c:s",
                        "srt",
                        "-metadata:s:s:0",
                        "language=eng"));
    }

    private static List<String> source(int seconds) {
        return List.of(
                "-f",
                "lavfi",
                "-i",
                "testsrc2=size=320x240:rate=24:duration=" + seconds,
                "-f",
                "lavfi",
                "-i",
                "sine=frequency=440:sample_rate=48000:duration=" + seconds);
    }

    private static synchronized Path make(String name, List<String> inputs, List<String> output) throws IOException {
        Path target = FOLDER.resolve(name);
        if (Files.exists(target)) {
            return target;
        }
        Files.createDirectories(FOLDER);
        Path partial = FOLDER.resolve("partial-" + name);
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-y"));
        command.addAll(inputs);
        command.addAll(output);
        command.add(partial.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            byte[] printed = process.getInputStream().readAllBytes(); // until ffmpeg ends: its inputs are bounded
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException("ffmpeg could not make " + name + ": " + new String(printed));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    private static void write(Path target, byte[] bytes) throws IOException {
        Path partial = target.resolveSibling("partial-" + target.getFileName());
        Files.write(partial, bytes);
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    }
}
