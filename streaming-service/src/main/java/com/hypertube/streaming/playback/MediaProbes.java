package com.hypertube.streaming.playback;

import com.hypertube.torrent.session.TorrentHandle;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each file's probe: from the database when it was probed before, else probed once however many viewers ask
 * at the same moment (they all wait for the one ffprobe), then stored.
 */
@Component
public class MediaProbes {

    private static final Logger log = LoggerFactory.getLogger(MediaProbes.class);

    private final Prober prober;
    private final LoopbackFiles loopback;
    private final JdbcClient jdbc;
    private final InstantSource clock;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, CompletableFuture<MediaProbe>> underWay = new ConcurrentHashMap<>();

    MediaProbes(Prober prober, LoopbackFiles loopback, JdbcClient jdbc, InstantSource clock) {
        this.prober = prober;
        this.loopback = loopback;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The probes stored for a torrent's files, by file index. */
    public Map<Integer, MediaProbe> stored(String infoHash) {
        return jdbc
                .sql("SELECT file_index, probe FROM media_probes WHERE info_hash = :hash")
                .param("hash", infoHash)
                .query((row, n) -> Map.entry(row.getInt(1), json.readValue(row.getString(2), MediaProbe.class)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /**
     * The file's probe, probing it now if need be (reading through the torrent: this may wait for pieces).
     *
     * @throws UnplayableMediaException when ffprobe cannot read the file
     * @throws IOException when ffprobe could not run or did not finish in time
     */
    public MediaProbe probe(TorrentHandle torrent, int fileIndex) throws IOException {
        return probe(torrent.infoHash().hex(), fileIndex, () -> loopback.inputFor(torrent, fileIndex));
    }

    /** Where ffprobe reads a file from, asked only when it has to run. */
    public interface Input {
        MediaInput get() throws IOException;
    }

    /** The same for any file known by its torrent's hash and index (a file of the pre-populated cache, say). */
    public MediaProbe probe(String infoHash, int fileIndex, Input input) throws IOException {
        Optional<MediaProbe> known = load(infoHash, fileIndex);
        if (known.isPresent()) {
            return known.get();
        }
        String key = infoHash + "/" + fileIndex;
        CompletableFuture<MediaProbe> mine = new CompletableFuture<>();
        CompletableFuture<MediaProbe> running = underWay.putIfAbsent(key, mine);
        if (running == null) {
            try {
                MediaProbe probe = prober.probe(input.get());
                save(infoHash, fileIndex, probe);
                mine.complete(probe);
            } catch (IOException | RuntimeException e) {
                mine.completeExceptionally(e);
            } finally {
                underWay.remove(key, mine);
            }
            running = mine;
        }
        try {
            return running.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while probing", e);
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case IOException io -> throw io;
                case RuntimeException runtime -> throw runtime;
                default -> throw new IOException(e.getCause());
            }
        }
    }

    /** Probes the file in the background (on a virtual thread); a failure is left for the player to meet. */
    public void probeSoon(TorrentHandle torrent, int fileIndex) {
        Thread.ofVirtual().name("probe-" + torrent.infoHash().hex()).start(() -> {
            try {
                probe(torrent, fileIndex);
            } catch (IOException | RuntimeException e) {
                log.debug(
                        "Probing file {} of {} failed: {}",
                        fileIndex,
                        torrent.infoHash().hex(),
                        e.getMessage());
            }
        });
    }

    private Optional<MediaProbe> load(String infoHash, int fileIndex) {
        return jdbc.sql("SELECT probe FROM media_probes WHERE info_hash = :hash AND file_index = :index")
                .param("hash", infoHash)
                .param("index", fileIndex)
                .query((row, n) -> json.readValue(row.getString(1), MediaProbe.class))
                .optional();
    }

    private void save(String infoHash, int fileIndex, MediaProbe probe) {
        jdbc.sql("""
                INSERT INTO media_probes (info_hash, file_index, probe, probed_at)
                VALUES (:hash, :index, CAST(:probe AS jsonb), :at)
                ON CONFLICT (info_hash, file_index) DO NOTHING
                """)
                .param("hash", infoHash)
                .param("index", fileIndex)
                .param("probe", json.writeValueAsString(probe))
                .param("at", Timestamp.from(clock.instant()))
                .update();
    }
}
