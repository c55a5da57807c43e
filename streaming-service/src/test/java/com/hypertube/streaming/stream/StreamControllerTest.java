package com.hypertube.streaming.stream;

import static com.hypertube.streaming.download.DownloadStatus.DOWNLOADING;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.hypertube.streaming.StreamingProperties;
import com.hypertube.streaming.conversion.ConversionPlanner;
import com.hypertube.streaming.cooldown.Cooldown;
import com.hypertube.streaming.cooldown.Cooldowns;
import com.hypertube.streaming.debug.StreamingMetrics;
import com.hypertube.streaming.download.DownloadJob;
import com.hypertube.streaming.download.DownloadJobs;
import com.hypertube.streaming.playback.MediaProbes;
import com.hypertube.streaming.storage.CachedFiles;
import com.hypertube.streaming.storage.WatchLog;
import com.hypertube.streaming.torrent.TorrentEngine;
import com.hypertube.streaming.torrent.TrackersForHash;
import com.hypertube.torrent.magnet.MagnetLink;
import com.hypertube.torrent.metainfo.InfoHash;
import com.hypertube.torrent.metainfo.TorrentFile;
import com.hypertube.torrent.metainfo.TorrentInfo;
import com.hypertube.torrent.session.TorrentHandle;
import com.hypertube.web.Caller;
import com.hypertube.web.ServiceWebAutoConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Press play and the byte ranges in a web slice, with the real range handling (FileResponses) and hash checks
 * (Torrents) over mocked torrents and a cached file on disk: a bad source, an upload that is not a torrent, a
 * torrent on cooldown, nobody or a reader start nothing; a good start describes the files; a malformed hash is
 * a 400, an unknown torrent or file a 404; a range past the end is a 416 that gives the size, a good one a 206
 * of exactly its bytes, and one that cannot be honoured the whole file.
 */
@WebMvcTest(controllers = StreamController.class, properties = "hypertube.security.identity-from=headers")
@Import({ServiceWebAutoConfiguration.class, FileResponses.class, Torrents.class})
@EnableConfigurationProperties(StreamingProperties.class)
@MockitoBean(types = {MediaProbes.class, ConversionPlanner.class, StreamingMetrics.class})
class StreamControllerTest {

    private static final String USER = UUID.randomUUID().toString();
    private static final String HASH = "0123456789abcdef0123456789abcdef01234567";
    private static final InfoHash INFO_HASH = InfoHash.fromHex(HASH);

    /** A torrent that is not in the cache, and the request that presses play on it. */
    private static final String OTHER = "fedcba9876543210fedcba9876543210fedcba98";

    private static final String PLAY_OTHER = "{\"infoHash\":\"" + OTHER + "\"}";

    private static final byte[] FILM = new byte[1000];

    static {
        new Random(7).nextBytes(FILM);
    }

    @TempDir
    static Path cache;

    @Autowired
    MockMvc mvc;

    @MockitoBean
    DownloadJobs jobs;

    @MockitoBean
    TorrentEngine engine;

    @MockitoBean
    TrackersForHash trackersForHash;

    @MockitoBean
    CachedFiles cachedFiles;

    @MockitoBean
    Cooldowns cooldowns;

    @MockitoBean
    WatchLog watchLog;

    @BeforeEach
    void aCachedFilm() throws Exception {
        Path film = Files.write(cache.resolve("film.mp4"), FILM);
        when(cachedFiles.find(INFO_HASH))
                .thenReturn(Optional.of(new CachedFiles.CachedFile(INFO_HASH, film, "film.mp4", FILM.length)));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{}",
                "{\"infoHash\":\" \"}",
                "{\"infoHash\":\"not-a-hash\"}",
                "{\"magnet\":\"https://example.org/film.torrent\"}",
                "{\"magnet\":\"magnet:?xt=urn:btih:" + HASH + "\",\"infoHash\":\"" + HASH + "\"}",
            })
    void aBadSourceIsA400ProblemAndStartsNothing(String body) throws Exception {
        mvc.perform(start(body).header("X-User-Id", USER))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:hypertube:problem:invalid-source"));
        verifyNoInteractions(engine, jobs, cachedFiles);
    }

    @Test
    void anUploadThatIsNotATorrentIsA400AndRemembersNothing() throws Exception {
        mvc.perform(multipart("/api/stream")
                        .file(new MockMultipartFile("torrent", "film.torrent", "application/x-bittorrent", FILM))
                        .header("X-User-Id", USER))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:hypertube:problem:invalid-torrent"));
        verifyNoInteractions(engine, jobs);
    }

    @Test
    void nobodyAndAReadOnlyClientCannotPressPlay() throws Exception {
        mvc.perform(start(PLAY_OTHER)).andExpect(status().isUnauthorized());
        mvc.perform(start(PLAY_OTHER).header("X-Client-Id", "reader").header("X-Token-Scope", "read"))
                .andExpect(status().isForbidden());
        verifyNoInteractions(engine, jobs);
    }

    @Test
    void aTorrentOnCooldownIsA503ThatSaysWhenAndStartsNoJob() throws Exception {
        when(cooldowns.active(OTHER))
                .thenReturn(Optional.of(new Cooldown(
                        OTHER, "no-peers", "nobody had it", Instant.now().plusSeconds(600))));

        mvc.perform(start(PLAY_OTHER).header("X-User-Id", USER))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.type").value("urn:hypertube:problem:cooldown"))
                .andExpect(jsonPath("$.reason").value("no-peers"));
        verifyNoInteractions(jobs);
        verify(engine, never()).start(any());
    }

    @Test
    void aStartJoinsTheDownloadAndDescribesTheFilesWithTheLargestVideoByDefault() throws Exception {
        UUID jobId = UUID.randomUUID();
        TorrentHandle torrent = mock(TorrentHandle.class);
        when(torrent.metadata()).thenReturn(new CompletableFuture<>());
        when(torrent.files())
                .thenReturn(List.of(
                        new TorrentFile(0, List.of("Film", "sample.mp4"), 100, 0, false),
                        new TorrentFile(1, List.of("Film", "film.mkv"), 5000, 100, false),
                        new TorrentFile(2, List.of("Film", "film.srt"), 10, 5100, false)));
        when(trackersForHash.complete(any(MagnetLink.class), any())).thenAnswer(call -> call.getArgument(0));
        when(engine.start(any(MagnetLink.class))).thenReturn(torrent);
        when(jobs.jobFor(any(MagnetLink.class), any(Caller.class))).thenReturn(job(jobId, OTHER));

        mvc.perform(start(PLAY_OTHER).header("X-User-Id", USER).header("Authorization", "Bearer t"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.infoHash").value(OTHER))
                .andExpect(jsonPath("$.jobId").value(jobId.toString()))
                .andExpect(jsonPath("$.status").value("DOWNLOADING"))
                .andExpect(jsonPath("$.defaultFileIndex").value(1))
                .andExpect(jsonPath("$.files[1].path").value("Film/film.mkv"))
                .andExpect(jsonPath("$.files[1].playable").value(true))
                .andExpect(jsonPath("$.files[2].playable").value(false));
        verify(trackersForHash).complete(any(MagnetLink.class), anyString());
    }

    @Test
    void aMalformedHashOrIndexIsA400AndAnUnknownTorrentA404() throws Exception {
        mvc.perform(get("/api/stream/not-a-hash/0").header("X-User-Id", USER))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:hypertube:problem:invalid-source"));
        mvc.perform(get("/api/stream/" + HASH + "/first").header("X-User-Id", USER))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:hypertube:problem:bad-request"));
        mvc.perform(get("/api/stream/" + OTHER + "/0").header("X-User-Id", USER))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:hypertube:problem:unknown-torrent"));
        verify(engine, never()).start(any());
    }

    @Test
    void aFileTheTorrentDoesNotHaveIsA404ThatSaysHowManyItHas() throws Exception {
        TorrentInfo info = mock(TorrentInfo.class);
        when(info.files()).thenReturn(List.of(new TorrentFile(0, List.of("film.mp4"), 100, 0, false)));
        TorrentHandle torrent = mock(TorrentHandle.class);
        when(torrent.metadata()).thenReturn(CompletableFuture.completedFuture(info));
        when(engine.running(InfoHash.fromHex(OTHER))).thenReturn(Optional.of(torrent));

        mvc.perform(get("/api/stream/" + OTHER + "/3").header("X-User-Id", USER))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:hypertube:problem:unknown-file"))
                .andExpect(jsonPath("$.detail").value("No file 3: the torrent has 1 (numbered from 0)."));
        mvc.perform(get("/api/stream/" + HASH + "/1").header("X-User-Id", USER))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:hypertube:problem:unknown-file"));
        verifyNoInteractions(watchLog);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=1000-", "bytes=5000-6000", "bytes=-0", "bytes=99999999999999999999999-"})
    void aRangePastTheEndIsA416ThatGivesTheSize(String range) throws Exception {
        mvc.perform(get("/api/stream/" + HASH + "/0").header("X-User-Id", USER).header("Range", range))
                .andExpect(status().isRequestedRangeNotSatisfiable())
                .andExpect(header().string("Content-Range", "bytes */1000"))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:hypertube:problem:range-not-satisfiable"));
    }

    @Test
    void aRangeIsA206OfExactlyItsBytes() throws Exception {
        MvcResult started = mvc.perform(get("/api/stream/" + HASH + "/0")
                        .header("X-User-Id", USER)
                        .header("Range", "bytes=100-199"))
                .andExpect(request().asyncStarted())
                .andReturn();

        mvc.perform(asyncDispatch(started))
                .andExpect(status().isPartialContent())
                .andExpect(header().string("Content-Range", "bytes 100-199/1000"))
                .andExpect(header().string("Accept-Ranges", "bytes"))
                .andExpect(header().longValue("Content-Length", 100))
                .andExpect(content().contentType("video/mp4"))
                .andExpect(content().bytes(Arrays.copyOfRange(FILM, 100, 200)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=abc", "bytes=0-1,5-9", "items=0-10", "bytes=500-100"})
    void aRangeThatCannotBeHonouredGetsTheWholeFile(String range) throws Exception {
        MvcResult started = mvc.perform(get("/api/stream/" + HASH + "/0")
                        .header("X-User-Id", USER)
                        .header("Range", range))
                .andExpect(request().asyncStarted())
                .andReturn();

        mvc.perform(asyncDispatch(started))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("Content-Range"))
                .andExpect(content().bytes(FILM));
    }

    @Test
    void aStaleIfRangeGetsTheWholeFileAndAHeadOnlyTheHeaders() throws Exception {
        mvc.perform(head("/api/stream/" + HASH + "/0")
                        .header("X-User-Id", USER)
                        .header("Range", "bytes=0-9")
                        .header("If-Range", "\"an-older-copy\""))
                .andExpect(request().asyncNotStarted())
                .andExpect(status().isOk())
                .andExpect(header().longValue("Content-Length", 1000))
                .andExpect(header().string("ETag", "\"" + HASH + "-0\""))
                .andExpect(content().bytes(new byte[0]));
        mvc.perform(head("/api/stream/" + HASH + "/0").header("X-User-Id", USER).header("Range", "bytes=0-9"))
                .andExpect(status().isPartialContent())
                .andExpect(header().string("Content-Range", "bytes 0-9/1000"));
    }

    private static MockHttpServletRequestBuilder start(String body) {
        return post("/api/stream").contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static DownloadJob job(UUID id, String hash) {
        Instant at = Instant.EPOCH;
        return new DownloadJob(id, hash, "magnet:?xt=urn:btih:" + hash, DOWNLOADING, 3, 0, null, 0, null, at, at, null);
    }
}
