package com.hypertube.streaming.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The real ffprobe on bytes a test received (HLS segments glued to their init segment, say). */
public final class Ffprobe {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Ffprobe() {}

    /** The video's first three packets (pts_time, flags "K" for a keyframe) of the concatenated parts. */
    public static List<JsonNode> firstVideoPackets(Path folder, byte[]... parts) throws IOException {
        return run(List.of("-show_packets", "-read_intervals", "%+#3", "-select_streams", "v:0"), folder, parts)
                .path("packets")
                .valueStream()
                .toList();
    }

    /** Every stream, and the format (its duration), of the concatenated parts. */
    public static JsonNode streamsAndFormat(Path folder, byte[]... parts) throws IOException {
        return run(List.of("-show_format", "-show_streams"), folder, parts);
    }

    private static JsonNode run(List<String> options, Path folder, byte[]... parts) throws IOException {
        Path file = Files.createTempFile(folder, "probe", ".mp4");
        try (var out = Files.newOutputStream(file)) {
            for (byte[] part : parts) {
                out.write(part);
            }
        }
        List<String> command = new ArrayList<>(List.of("ffprobe", "-v", "error", "-print_format", "json"));
        command.addAll(options);
        command.add(file.toString());
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        byte[] output = process.getInputStream().readAllBytes();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return JSON.readTree(output);
    }
}
