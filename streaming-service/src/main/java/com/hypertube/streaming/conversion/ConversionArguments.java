package com.hypertube.streaming.conversion;

import com.hypertube.streaming.playback.MediaProbe;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The ffmpeg command line of a conversion to a browser-ready copy: MP4 with its index first ({@code faststart}),
 * 8-bit H.264 (copied when it is already, else encoded with libx264 at a quality a background job can afford)
 * and AAC or MP3 audio (copied when it is, else stereo AAC).
 */
final class ConversionArguments {

    private static final Set<String> UNIVERSAL_AUDIO = Set.of("aac", "mp3");

    private ConversionArguments() {}

    static boolean copiesVideo(MediaProbe probe) {
        MediaProbe.Video video = probe.mainVideo().orElseThrow();
        return video.codec().equals("h264") && video.bitDepth() == 8;
    }

    static List<String> of(MediaProbe probe, Path input, Path output) {
        MediaProbe.Video video = probe.mainVideo().orElseThrow();
        List<String> arguments = new ArrayList<>(List.of(
                "-hide_banner",
                "-nostdin",
                "-loglevel",
                "error",
                "-y",
                "-i",
                "file:" + input.toAbsolutePath(),
                "-map",
                "0:" + video.index()));
        probe.mainAudio().ifPresent(audio -> arguments.addAll(List.of("-map", "0:" + audio.index())));
        arguments.addAll(List.of("-sn", "-dn"));
        if (copiesVideo(probe)) {
            arguments.addAll(List.of("-c:v", "copy"));
        } else {
            arguments.addAll(List.of(
                    "-vf",
                    "scale=-2:'min(1080,ih)'",
                    "-c:v",
                    "libx264",
                    "-preset",
                    "veryfast",
                    "-crf",
                    "21",
                    "-pix_fmt",
                    "yuv420p",
                    "-profile:v",
                    "high"));
        }
        probe.mainAudio()
                .ifPresent(audio -> arguments.addAll(
                        UNIVERSAL_AUDIO.contains(audio.codec())
                                ? List.of("-c:a", "copy")
                                : List.of("-c:a", "aac", "-ac", "2", "-b:a", "192k")));
        arguments.addAll(List.of("-movflags", "+faststart", "-f", "mp4", "file:" + output.toAbsolutePath()));
        return arguments;
    }
}
