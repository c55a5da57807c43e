package com.hypertube.streaming.playback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.hypertube.streaming.support.Clips;
import com.hypertube.streaming.support.Ffprobe;
import com.hypertube.streaming.support.LoopbackSeeder;
import com.hypertube.streaming.support.ServiceClient;
import com.hypertube.testinfra.RequiresCommand;
import com.hypertube.testinfra.TestInfrastructure;
import com.hypertube.torrent.net.LinkProxy;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Press play on files a browser cannot play as they are, over a torrent still downloading from a seeder
 * 100 ms away at 300 kB/s (torrent-lib's realistic-network harness): the probe, the decision and its
 * reasons, the playlists, and ffmpeg's segments checked with the real ffprobe — codecs, a keyframe at each
 * segment's start, timestamps that line up after a seek to 70 %, and the whole length. On a grid of 4 s segments,
 * which the segment numbers below are worked out for (the default, 2 s, plays in the journey's HEVC film).
 */
@RequiresCommand(
        value = {"ffmpeg", "ffprobe"},
        install = "apt-get install ffmpeg")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "hypertube.playback.segment-seconds=4")
@Import(TestInfrastructure.class)
class HlsPlaybackIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @Autowired
    HlsSessions sessions;

    @TempDir
    Path temp;

    private final List<AutoCloseable> toClose = new ArrayList<>();

    private final List<String> jobs = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        sessions.tidy(Instant.now().plus(Duration.ofHours(1))); // every ffmpeg of this test stopped
        // Downloads left under way would count against other tests' download limits, and their waiting readers
        // would keep the janitor off their files: each is withdrawn (its torrent pauses, its readers end).
        for (String job : jobs) {
            new ServiceClient(port).send("DELETE", "/api/downloads/" + job, null);
        }
        for (AutoCloseable closeable : toClose.reversed()) {
            closeable.close();
        }
    }

    @Test
    void hevcInMatroskaIsTranscodedToH264WhileItDownloadsAndSeeksLineUp() throws Exception {
        String hash = play(Clips.mkvHevcAc3(), "film.mkv");
        String base = "/api/stream/" + hash + "/0";

        JsonNode decision = json(get(base + "/playback?profile=chromium"));
        assertThat(decision.path("method").asString()).isEqualTo("transcode");
        assertThat(decision.path("reasons").valueStream().map(JsonNode::asString))
                .containsExactly(
                        "HEVC 10-bit video: converting to H.264.", "AC-3 (Dolby Digital) audio: converting to AAC.");
        assertThat(decision.path("url").asString()).isEqualTo(base + "/hls/master.m3u8?profile=chromium");
        assertThat(decision.path("media").path("container").asString()).isEqualTo("matroska");

        HttpResponse<byte[]> master = get(base + "/hls/master.m3u8?profile=chromium");
        assertThat(master.headers().firstValue("Content-Type")).hasValue("application/vnd.apple.mpegurl");
        assertThat(text(master)).contains("CODECS=\"avc1.640028,mp4a.40.2\"").endsWith("\ntranscode/index.m3u8\n");

        String media = text(get(base + "/hls/transcode/index.m3u8"));
        assertThat(media)
                .contains("#EXT-X-PLAYLIST-TYPE:VOD", "#EXT-X-MAP:URI=\"init.mp4\"", "\n0.m4s\n", "\n2.m4s\n")
                .doesNotContain("\n3.m4s\n")
                .endsWith("#EXT-X-ENDLIST\n");

        // The player resumes at 70 % of 12 s and says so: segment 2 (8–12 s) first, from ffmpeg's first run.
        assertThat(text(get(base + "/hls/master.m3u8?profile=chromium&start=8.4")))
                .endsWith("\ntranscode/index.m3u8?start=2\n");
        assertThat(text(get(base + "/hls/transcode/index.m3u8?start=2")))
                .contains("#EXT-X-MAP:URI=\"init.mp4?start=2\"");
        byte[] init = body(get(base + "/hls/transcode/init.mp4?start=2"));
        byte[] afterSeek = body(get(base + "/hls/transcode/2.m4s"));
        assertStartsWithKeyframeAt(8.0, init, afterSeek);
        // Then back to the start: a second ffmpeg run, whose segments fit the first run's init segment.
        byte[] first = body(get(base + "/hls/transcode/0.m4s"));
        byte[] second = body(get(base + "/hls/transcode/1.m4s"));
        assertRunsStarted(hash, "transcode", 2);
        assertStartsWithKeyframeAt(0.0, init, first);
        assertStartsWithKeyframeAt(4.0, init, second);
        JsonNode streams = Ffprobe.streamsAndFormat(temp, init, first).path("streams");
        assertThat(streams.valueStream().map(s -> s.path("codec_name").asString()))
                .containsExactly("h264", "aac");
        assertThat(streams.get(0).path("pix_fmt").asString()).isEqualTo("yuv420p");
        assertThat(streams.get(1).path("channels").asInt()).isEqualTo(2);
        double whole = Ffprobe.streamsAndFormat(temp, init, first, second, afterSeek)
                .path("format")
                .path("duration")
                .asDouble();
        assertThat(whole).isCloseTo(12.0, within(0.5));

        JsonNode described = json(get("/api/torrents/" + hash));
        assertThat(described
                        .path("files")
                        .get(0)
                        .path("media")
                        .path("video")
                        .get(0)
                        .path("codec")
                        .asString())
                .isEqualTo("hevc");

        // Nobody asks for more: ffmpeg is stopped and the segments go.
        sessions.tidy(Instant.now().plus(Duration.ofMinutes(5)));
        assertThat(sessions.session(hash + "-0-transcode")).isEmpty();
        assertThat(sessions.running()).isZero();
    }

    @Test
    void aTranscodeSeekAheadStartsANewRunRatherThanWaitingForTheRunningOneToGetThere() throws Exception {
        String hash = play(Clips.mkvHevcAc3Longer(), "long.mkv");
        String base = "/api/stream/" + hash + "/0/hls/transcode/";

        byte[] init = body(get(base + "init.mp4"));
        assertStartsWithKeyframeAt(0.0, init, body(get(base + "0.m4s")));
        // Segment 3 (12–16 s) is two segments past the one being written: a new run there answers sooner than the
        // first run would get there (each transcoded segment costs about a second on a small server).
        assertStartsWithKeyframeAt(12.0, init, body(get(base + "3.m4s")));
        assertRunsStarted(hash, "transcode", 2);
        // The next segment is the one that run is writing: waited for, not a third run.
        assertStartsWithKeyframeAt(16.0, init, body(get(base + "4.m4s")));
        assertRunsStarted(hash, "transcode", 2);
    }

    @Test
    void matroskaWithH264PlaysDirectlyInChromiumAndIsRemuxedForTheSafeProfile() throws Exception {
        String hash = play(Clips.mkvWithSubtitles(), "episode.mkv");
        String base = "/api/stream/" + hash + "/0";

        JsonNode chromium = json(get(base + "/playback?profile=chromium"));
        assertThat(chromium.path("method").asString()).isEqualTo("direct");
        assertThat(chromium.path("url").asString()).isEqualTo(base);
        assertThat(chromium.path("media")
                        .path("subtitles")
                        .get(0)
                        .path("language")
                        .asString())
                .isEqualTo("eng");

        JsonNode safe = json(get(base + "/playback"));
        assertThat(safe.path("method").asString()).isEqualTo("remux");
        assertThat(safe.path("reasons").get(0).asString())
                .isEqualTo("Matroska (MKV) container: repackaging as MP4 while it plays; nothing is re-encoded.");

        assertThat(text(get(base + "/hls/master.m3u8"))).endsWith("\nremux/index.m3u8\n");
        byte[] init = body(get(base + "/hls/remux/init.mp4"));
        byte[] first = body(get(base + "/hls/remux/0.m4s"));
        JsonNode streams = Ffprobe.streamsAndFormat(temp, init, first).path("streams");
        assertThat(streams.valueStream().map(s -> s.path("codec_name").asString()))
                .as("copied, not converted; the subtitle track is not in the video")
                .containsExactly("h264", "aac");
        assertStartsWithKeyframeAt(0.0, init, first);
    }

    @Test
    void copiedVideoWithSparseKeyframesIsAnsweredWithTheSegmentThatCoversEachTime() throws Exception {
        String hash = play(Clips.mkvLongKeyframeInterval(), "film.mkv");
        String base = "/api/stream/" + hash + "/0/hls/remux/";

        // Keyframes at 0, 10 and 20 s: the copy is cut there, whatever our 4 s grid says. The player starts near
        // the end (segment 7, 28 s): ffmpeg starts at the keyframe at 20 s.
        byte[] init = body(get(base + "init.mp4?start=7"));
        assertStartsWithKeyframeAt(20.0, init, body(get(base + "7.m4s")));
        // Back to 4 s: a new run, from the keyframe at 0; then 12 s is the run's next segment, from 10 s.
        assertStartsWithKeyframeAt(0.0, init, body(get(base + "1.m4s")));
        assertStartsWithKeyframeAt(10.0, init, body(get(base + "3.m4s")));
        assertStartsWithKeyframeAt(20.0, init, body(get(base + "5.m4s")));
        assertRunsStarted(hash, "remux", 2);
    }

    @Test
    void whatCannotPlaySaysWhyAsAProblem() throws Exception {
        String truncated = play(Clips.truncated(), "broken.mp4");
        HttpResponse<byte[]> broken = get("/api/stream/" + truncated + "/0/playback");
        assertProblem(broken, 422, "unplayable-media");
        assertThat(text(broken))
                .contains("Invalid data found when processing input")
                .doesNotContain("127.0.0.1");

        String music = play(Clips.audioOnly(), "tone.mp4");
        assertThat(text(get("/api/stream/" + music + "/0/playback"))).contains("the file has no video track");

        String fine = play(Clips.mp4(), "fine.mp4");
        String base = "/api/stream/" + fine + "/0";
        assertProblem(get(base + "/playback?profile=netscape"), 400, "invalid-capabilities");
        assertProblem(get(base + "/playback?video=h265"), 400, "invalid-capabilities");
        assertProblem(get(base + "/hls/direct/index.m3u8"), 404, "unknown-playback-method");
        for (String odd : List.of("/hls/..%2F..%2Fetc/index.m3u8", "/hls/..;/..;/index.m3u8", "/hls/remux;x=1/0.m4s")) {
            assertThat(get(base + odd).statusCode())
                    .as("an encoded slash, a climb or a ';' is refused before any handler: " + odd)
                    .isEqualTo(400);
        }
        assertProblem(get(base + "/hls/remux/3.m4s"), 404, "segment-missing");
        assertProblem(get("/api/stream/" + fine + "/7/playback"), 404, "unknown-file");
        assertProblem(get("/api/stream/" + ServiceClient.randomInfoHash() + "/0/playback"), 404, "unknown-torrent");
    }

    private String play(Path clip, String name) throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 8) + "-" + name; // a new info hash every run
        LoopbackSeeder seeder = LoopbackSeeder.ofFile(clip, unique, 32 * 1024);
        toClose.add(seeder);
        LinkProxy link = LinkProxy.to(seeder.port())
                .oneWayDelay(Duration.ofMillis(100))
                .rate(300_000, 300_000)
                .start();
        toClose.add(link);
        jobs.add(new ServiceClient(port)
                .play("magnet:?xt=urn:btih:" + seeder.infoHash() + "&x.pe=127.0.0.1:" + link.port()));
        return seeder.infoHash();
    }

    /** How many ffmpeg runs the session of file 0 played this way started: each one after the first is a seek. */
    private void assertRunsStarted(String hash, String method, int runs) {
        assertThat(sessions.session(hash + "-0-" + method).orElseThrow().runsStarted())
                .as("ffmpeg runs of the " + method)
                .isEqualTo(runs);
    }

    private void assertStartsWithKeyframeAt(double seconds, byte[] init, byte[] segment) throws Exception {
        JsonNode packet = Ffprobe.firstVideoPackets(temp, init, segment).getFirst();
        assertThat(packet.path("flags").asString()).startsWith("K");
        assertThat(packet.path("pts_time").asDouble()).isCloseTo(seconds, within(0.1));
    }

    private static void assertProblem(HttpResponse<byte[]> response, int status, String type) throws Exception {
        assertThat(response.statusCode()).as(text(response)).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        if (type != null) {
            assertThat(JSON.readTree(response.body()).path("type").asString()).endsWith(":" + type);
        }
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return new ServiceClient(port).bytes(path, WAIT);
    }

    private static byte[] body(HttpResponse<byte[]> response) {
        assertThat(response.statusCode())
                .as(new String(response.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
        return response.body();
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static JsonNode json(HttpResponse<byte[]> response) {
        return JSON.readTree(body(response));
    }
}
