package com.hypertube.streaming.playback;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The ffmpeg command line of one run of a live HLS session, from a point in the file on: fragmented-MP4 segments
 * with the film's own times ({@code frag_discont}, so that each fragment's decode time is absolute: every run's
 * segments fit the same init segment and the same timeline), cut at keyframes; a transcode forces a keyframe at
 * every boundary of our playlist's grid, so its segments are exactly the playlist's, while copied video is cut at
 * its own keyframes ({@link HlsSession} maps the two).
 */
final class HlsArguments {

    private HlsArguments() {}

    static List<String> of(
            MediaProbe probe,
            PlaybackMethod method,
            MediaInput input,
            int firstSegment,
            Path folder,
            PlaybackProperties settings,
            String h264Encoder) {
        int segmentSeconds = settings.segmentSeconds();
        long startSeconds = (long) firstSegment * segmentSeconds;
        List<String> arguments = new ArrayList<>(List.of("-hide_banner", "-nostdin", "-loglevel", "error"));
        if (!input.complete()) {
            // Our loopback reader waits for pieces; ffmpeg gives up only after the reader's own timeout would.
            arguments.addAll(List.of(
                    "-rw_timeout", String.valueOf(settings.segmentTimeout().toMillis() * 1000)));
        }
        boolean transcodeVideo = method == PlaybackMethod.TRANSCODE;
        if (transcodeVideo && h264Encoder.equals("h264_vaapi")) {
            arguments.addAll(List.of("-vaapi_device", settings.vaapiDevice()));
        }
        if (startSeconds > 0) {
            arguments.addAll(List.of("-ss", String.valueOf(startSeconds)));
        }
        arguments.addAll(input.analysisOptions());
        arguments.addAll(List.of("-i", input.forFfmpeg()));
        MediaProbe.Video video =
                probe.mainVideo().orElseThrow(() -> new UnplayableMediaException("the file has no video track"));
        arguments.addAll(List.of("-map", "0:" + video.index()));
        probe.mainAudio().ifPresent(audio -> arguments.addAll(List.of("-map", "0:" + audio.index())));
        arguments.addAll(List.of("-sn", "-dn"));
        if (transcodeVideo) {
            arguments.addAll(videoEncoder(h264Encoder, settings.preset()));
            arguments.addAll(List.of("-force_key_frames", "expr:gte(t,n_forced*" + segmentSeconds + ")"));
        } else {
            arguments.addAll(List.of("-c:v", "copy"));
            if (video.codec().equals("hevc")) {
                arguments.addAll(List.of("-tag:v", "hvc1")); // Safari plays HEVC in MP4 only tagged so
            }
        }
        probe.mainAudio().ifPresent(audio -> arguments.addAll(audioCodec(audio, method)));
        if (transcodeVideo) {
            // A transcode starts exactly at the time asked for (input seeking decodes up to it): its timestamps,
            // counted from there, are moved back there. Not -copyts: with the file's own timestamps ffmpeg's HLS
            // muxer cuts a run that starts late in the film at 10 s instead of 4 — a first segment after a seek
            // that took twice as long to make.
            if (startSeconds > 0) {
                arguments.addAll(List.of("-output_ts_offset", String.valueOf(startSeconds)));
            }
        } else {
            // Copied video starts at the keyframe before the time asked for: the file's own timestamps say where.
            arguments.add("-copyts");
        }
        arguments.addAll(List.of(
                // Only the encoder's priming samples are ever negative: they move to 0, nothing else moves.
                "-avoid_negative_ts",
                "make_non_negative",
                "-f",
                "hls",
                "-hls_time",
                String.valueOf(segmentSeconds),
                "-hls_list_size",
                "0",
                "-hls_playlist_type",
                "event",
                "-hls_segment_type",
                "fmp4",
                "-hls_segment_options",
                "movflags=+frag_discont",
                "-hls_fmp4_init_filename",
                "init.mp4",
                "-hls_flags",
                "temp_file",
                "-start_number",
                "0",
                "-hls_segment_filename",
                folder.resolve("%d.m4s").toString(),
                folder.resolve("ffmpeg.m3u8").toString()));
        return arguments;
    }

    private static List<String> audioCodec(MediaProbe.Audio audio, PlaybackMethod method) {
        boolean copy =
                switch (method) {
                    case DIRECT, REMUX -> PlaybackDecider.COPYABLE_AUDIO.contains(audio.codec());
                    case AUDIO_TRANSCODE -> false;
                    case TRANSCODE -> PlaybackDecider.UNIVERSAL_AUDIO.contains(audio.codec());
                };
        if (copy) {
            return List.of("-c:a", "copy");
        }
        // Stereo AAC plays everywhere; surround AAC does not in every browser.
        return List.of("-c:a", "aac", "-ac", "2", "-b:a", "192k");
    }

    static List<String> videoEncoder(String encoder, String preset) {
        // At most 1080p: a 4K transcode would not keep up on a small server, and few screens need more.
        String fitHeight = "scale=-2:'min(1080,ih)'";
        return switch (encoder) {
            case "h264_vaapi" -> List.of("-vf", fitHeight + ",format=nv12,hwupload", "-c:v", "h264_vaapi", "-qp", "23");
            case "h264_nvenc" ->
                List.of("-vf", fitHeight, "-c:v", "h264_nvenc", "-preset", "p2", "-pix_fmt", "yuv420p");
            case "h264_qsv" -> List.of("-vf", fitHeight, "-c:v", "h264_qsv", "-preset", "veryfast", "-pix_fmt", "nv12");
            default ->
                List.of(
                        "-vf", fitHeight,
                        "-c:v", "libx264",
                        "-preset", preset.toLowerCase(Locale.ROOT),
                        "-crf", "23",
                        "-maxrate", "8M",
                        "-bufsize", "16M",
                        "-pix_fmt", "yuv420p",
                        "-profile:v", "high",
                        "-sc_threshold", "0");
        };
    }
}
