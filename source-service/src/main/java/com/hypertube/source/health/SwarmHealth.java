package com.hypertube.source.health;

import com.hypertube.source.SourceProperties;
import com.hypertube.torrent.metainfo.InfoHash;
import com.hypertube.torrent.net.AddressPolicy;
import com.hypertube.torrent.tracker.ScrapeResponse;
import com.hypertube.torrent.tracker.Tracker;
import com.hypertube.torrent.tracker.TrackerException;
import java.io.IOException;
import java.net.URI;
import java.sql.Array;
import java.sql.SQLException;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Scrapes the trackers of the stored sources, those measured longest ago first, and writes the counts back.
 * Each tracker is asked once a round for all its torrents (batched scrapes), every tracker on a virtual
 * thread of its own. A torrent's count is the largest any tracker gives: trackers each see part of a swarm,
 * and the ranking wants to know whether anyone seeds at all. A torrent no tracker answered for keeps its
 * counts: a tracker being down says nothing of the swarm.
 */
@Component
public class SwarmHealth {

    /** What one round did. */
    public record Round(int sources, int trackers, int measured) {}

    private static final Logger log = LoggerFactory.getLogger(SwarmHealth.class);

    private final JdbcTemplate jdbc;
    private final InstantSource clock;
    private final AddressPolicy addresses;
    private final int sourcesPerRound;

    SwarmHealth(JdbcTemplate jdbc, InstantSource clock, SourceProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        SourceProperties.SwarmHealth settings = properties.swarmHealth();
        // The trackers are named by providers, i.e. by strangers: never a private address unless allowed.
        this.addresses = AddressPolicy.publicOnly()
                .allowing(settings.allowedTrackerBlocks().toArray(String[]::new));
        this.sourcesPerRound = settings.sourcesPerRound();
    }

    // The first round an interval after start: a restart loop must not hammer the trackers.
    @Scheduled(
            initialDelayString = "${hypertube.source.swarm-health.interval}",
            fixedDelayString = "${hypertube.source.swarm-health.interval}")
    void scheduled() {
        Round round = check();
        log.info(
                "Swarm health: {} of {} sources measured through {} trackers",
                round.measured(),
                round.sources(),
                round.trackers());
    }

    /** One round: scrape, then write what was measured. */
    public Round check() {
        Map<String, List<InfoHash>> byTracker = new LinkedHashMap<>();
        List<String> hashes = new ArrayList<>();
        jdbc.query(
                """
                SELECT info_hash, trackers FROM (
                    SELECT info_hash, trackers, min(measured_at) OVER (PARTITION BY info_hash) AS oldest,
                           row_number() OVER (PARTITION BY info_hash) AS n
                    FROM torrent_sources) AS sources
                WHERE n = 1
                ORDER BY oldest NULLS FIRST
                LIMIT ?""",
                row -> {
                    String hash = row.getString("info_hash");
                    hashes.add(hash);
                    for (String tracker : trackers(row.getArray("trackers"))) {
                        byTracker
                                .computeIfAbsent(tracker, t -> new ArrayList<>())
                                .add(InfoHash.fromHex(hash));
                    }
                },
                sourcesPerRound);
        Map<InfoHash, ScrapeResponse> best = new ConcurrentHashMap<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            byTracker.forEach((tracker, torrents) -> threads.submit(() -> scrape(tracker, torrents, best)));
        }
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        List<Object[]> updates = new ArrayList<>();
        best.forEach((hash, swarm) -> updates.add(new Object[] {swarm.seeders(), swarm.leechers(), now, hash.hex()}));
        jdbc.batchUpdate(
                "UPDATE torrent_sources SET seeders = ?, leechers = ?, measured_at = ? WHERE info_hash = ?", updates);
        return new Round(hashes.size(), byTracker.size(), best.size());
    }

    private void scrape(String tracker, List<InfoHash> torrents, Map<InfoHash, ScrapeResponse> best) {
        try {
            Map<InfoHash, ScrapeResponse> answer =
                    Tracker.at(URI.create(tracker), addresses).scrape(torrents);
            answer.forEach((hash, swarm) -> best.merge(hash, sane(swarm), SwarmHealth::larger));
        } catch (IOException | TrackerException | IllegalArgumentException e) {
            // Dead, refused, forbidden or malformed trackers are common: one line, no stack.
            log.debug("Swarm health: tracker {} not scraped: {}", tracker, e.toString());
        }
    }

    // A hostile tracker may send negative counts; the table refuses them.
    private static ScrapeResponse sane(ScrapeResponse swarm) {
        return new ScrapeResponse(
                Math.max(0, swarm.seeders()), Math.max(0, swarm.completed()), Math.max(0, swarm.leechers()));
    }

    private static ScrapeResponse larger(ScrapeResponse one, ScrapeResponse other) {
        return other.seeders() > one.seeders()
                        || (other.seeders() == one.seeders() && other.leechers() > one.leechers())
                ? other
                : one;
    }

    private static List<String> trackers(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        Object[] values = (Object[]) array.getArray();
        List<String> trackers = new ArrayList<>(values.length);
        for (Object value : values) {
            trackers.add((String) value);
        }
        return trackers;
    }
}
