package com.hypertube.streaming.playback;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs ffprobe on a file (a path, or our loopback reader's URL for a file still downloading) and reads its
 * JSON. ffprobe reads what it needs — the head, and an MP4's {@code moov} at the end — through the same
 * reader a player uses, so those pieces get deadlines first.
 */
@Component
public class Prober {

    private final Ffmpeg ffmpeg;
    private final JsonMapper json = JsonMapper.builder().build();

    Prober(Ffmpeg ffmpeg) {
        this.ffmpeg = ffmpeg;
    }

    /**
     * @throws UnplayableMediaException when ffprobe finds nothing it can read (a corrupt or truncated file)
     * @throws IOException when ffprobe could not be run, or did not finish in time
     */
    public MediaProbe probe(MediaInput input) throws IOException {
        List<String> arguments = new java.util.ArrayList<>(List.of("-v", "error"));
        arguments.addAll(input.analysisOptions());
        arguments.addAll(List.of("-print_format", "json", "-show_format", "-show_streams", "-i", input.forFfmpeg()));
        Ffmpeg.Result result = ffmpeg.probe(arguments);
        if (result.exitCode() != 0) {
            // ffprobe names its input: neither a server path nor the loopback secret may reach the user.
            String reason =
                    result.lastErrorLine().replace(input.forFfmpeg() + ": ", "").replace(input.forFfmpeg(), "the file");
            throw new UnplayableMediaException("ffprobe could not read the file (" + reason + ")");
        }
        return parse(json.readTree(result.output()));
    }

    MediaProbe parse(JsonNode root) {
        JsonNode format = root.path("format");
        List<JsonNode> streams = root.path("streams").valueStream().toList();
        List<MediaProbe.Video> video = streams.stream()
                .filter(stream -> stream.path("codec_type").asString("").equals("video"))
                .filter(stream ->
                        stream.path("disposition").path("attached_pic").asInt(0) == 0)
                .map(Prober::video)
                .toList();
        List<MediaProbe.Audio> audio = streams.stream()
                .filter(stream -> stream.path("codec_type").asString("").equals("audio"))
                .map(stream -> new MediaProbe.Audio(
                        stream.path("index").asInt(),
                        stream.path("codec_name").asString("unknown"),
                        stream.path("profile").asString(""),
                        stream.path("channels").asInt(0),
                        stream.path("tags").path("language").asString(""),
                        stream.path("disposition").path("default").asInt(0) == 1))
                .toList();
        List<MediaProbe.Subtitle> subtitles = streams.stream()
                .filter(stream -> stream.path("codec_type").asString("").equals("subtitle"))
                .map(stream -> new MediaProbe.Subtitle(
                        stream.path("index").asInt(),
                        stream.path("codec_name").asString("unknown"),
                        stream.path("tags").path("language").asString(""),
                        stream.path("tags").path("title").asString(""),
                        stream.path("disposition").path("forced").asInt(0) == 1,
                        stream.path("disposition").path("default").asInt(0) == 1))
                .toList();
        if (video.isEmpty() && audio.isEmpty()) {
            throw new UnplayableMediaException("the file has no video or audio track ffprobe can read");
        }
        return new MediaProbe(
                container(
                        format.path("format_name").asString(""),
                        format.path("tags").path("major_brand").asString(""),
                        video,
                        audio),
                format.path("duration").asDouble(0),
                format.path("bit_rate").asLong(0),
                video,
                audio,
                subtitles);
    }

    private static MediaProbe.Video video(JsonNode stream) {
        String pixelFormat = stream.path("pix_fmt").asString("");
        return new MediaProbe.Video(
                stream.path("index").asInt(),
                stream.path("codec_name").asString("unknown"),
                stream.path("profile").asString(""),
                stream.path("level").asInt(0),
                stream.path("width").asInt(0),
                stream.path("height").asInt(0),
                bitDepth(pixelFormat, stream.path("bits_per_raw_sample").asInt(0)),
                pixelFormat);
    }

    /** yuv420p10le is 10 bits; ffprobe's bits_per_raw_sample is often absent, the pixel format never is. */
    static int bitDepth(String pixelFormat, int rawBits) {
        var digits = java.util.regex.Pattern.compile("p(\\d{2})").matcher(pixelFormat);
        if (digits.find()) {
            return Integer.parseInt(digits.group(1));
        }
        return rawBits > 0 ? rawBits : 8;
    }

    /**
     * ffprobe names families ("mov,mp4,m4a,3gp,3g2,mj2", "matroska,webm"): the brand tells a QuickTime file
     * from an MP4, the codecs a WebM from a Matroska file.
     */
    static String container(
            String formatName, String majorBrand, List<MediaProbe.Video> video, List<MediaProbe.Audio> audio) {
        String name = formatName.toLowerCase(Locale.ROOT);
        if (name.startsWith("mov,")) {
            return majorBrand.trim().equals("qt") ? "mov" : "mp4";
        }
        if (name.startsWith("matroska")) {
            boolean webmCodecs = video.stream()
                            .allMatch(v -> List.of("vp8", "vp9", "av1").contains(v.codec()))
                    && audio.stream().allMatch(a -> List.of("opus", "vorbis").contains(a.codec()));
            return webmCodecs ? "webm" : "matroska";
        }
        return name.contains(",") ? name.substring(0, name.indexOf(',')) : name;
    }
}
