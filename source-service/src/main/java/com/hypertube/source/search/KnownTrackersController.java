package com.hypertube.source.search;

import com.hypertube.web.Caller;
import com.hypertube.web.ProblemTypes;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The trackers of a torrent the providers found, by info hash: how streaming-service gives peers to a bare
 * info hash (seed 000: a hash alone becomes a magnet with trackers). An unknown hash has none, an empty list.
 */
@RestController
class KnownTrackersController {

    private static final Pattern HEX_HASH = Pattern.compile("[0-9a-f]{40}");

    private final JdbcClient jdbc;

    KnownTrackersController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Operation(summary = "The trackers known for a torrent, from the sources found for it")
    @GetMapping("/api/sources/trackers/{infoHash}")
    List<String> trackers(Caller caller, @PathVariable String infoHash) {
        String hash = infoHash.toLowerCase(Locale.ROOT);
        if (!HEX_HASH.matcher(hash).matches()) {
            throw ProblemTypes.error(
                    HttpStatus.BAD_REQUEST, "invalid-info-hash", "An info hash is 40 hexadecimal characters.");
        }
        return jdbc.sql("SELECT DISTINCT unnest(trackers) FROM torrent_sources WHERE info_hash = ? LIMIT 50")
                .param(hash)
                .query(String.class)
                .list();
    }
}
