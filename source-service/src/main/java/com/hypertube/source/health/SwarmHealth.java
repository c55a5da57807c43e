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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Scrapes the trackers of the stored sources, those measured longest ago first, and writes the counts back.
 * Each tracker is asked once a round for all its torrents (batched scrapes), every tracker on a virtual
 * thread of its own; {@link SwarmCounts} says how the answers are read (the largest count, all-zero answers
 * meaning "unknown to this tracker"). A torrent no tracker gave real counts for keeps its counts: a tracker
 * being down, or not knowing the torrent, says nothing of the swarm. The scheduled round runs on one instance
 * at a time (ShedLock): several instances scraping the same trackers would only hammer them.
 */
@Component
public class SwarmHealth {

    /**
     * What one round did.
     *
     * @param unknown torrents their trackers answered for only with all-zero counts (unknown to them)
     */
    public record Round(int sources, int trackers, int measured, int unknown) {}

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

    // The first round an interval after start: a restart loop must not hammer the trackers. Public, and called
    // through the bean, for the lock to hold: another instance's round in progress makes this one do nothing.
    @Scheduled(
            initialDelayString = "${hypertube.source.swarm-health.interval}",
            fixedDelayString = "${hypertube.source.swarm-health.interval}")
    @SchedulerLock(
            name = "swarm-health",
            lockAtLeastFor = "${hypertube.source.swarm-health.lock-at-least-for}",
            lockAtMostFor = "${hypertube.source.swarm-health.lock-at-most-for}")
    public void scheduledRound() {
        Round round = check();
        log.info(
                "Swarm health: {} of {} sources measured through {} trackers ({} unknown to their trackers)",
                round.measured(),
                round.sources(),
                round.trackers(),
                round.unknown());
    }

    /** One round: scrape, then write what was measured. */
    public Round check() {
        Map<String, List<InfoHash>> byTracker = new LinkedHashMap<>();
        List<String> hashes = new ArrayList<>();
        jdbc.query(
                """
                SELECT info_hash, trackers FROM (
                    SELECT info_hash, trackers, min(scraped_at) OVER (PARTITION BY info_hash) AS oldest,
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
        SwarmCounts counts = new SwarmCounts();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            byTracker.forEach((tracker, torrents) -> threads.submit(() -> scrape(tracker, torrents, counts)));
        }
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        Map<InfoHash, ScrapeResponse> measured = counts.measured();
        List<Object[]> updates = new ArrayList<>();
        measured.forEach(
                (hash, swarm) -> updates.add(new Object[] {swarm.seeders(), swarm.leechers(), now, hash.hex()}));
        jdbc.batchUpdate(
                "UPDATE torrent_sources SET seeders = ?, leechers = ?, measured_at = ? WHERE info_hash = ?", updates);
        // Every torrent asked goes to the back of the queue, measured or not: those whose trackers are down or
        // do not know them would otherwise come first every round and crowd the others out.
        jdbc.update(connection -> {
            var statement =
                    connection.prepareStatement("UPDATE torrent_sources SET scraped_at = ? WHERE info_hash = ANY (?)");
            statement.setObject(1, now);
            statement.setArray(2, connection.createArrayOf("text", hashes.toArray()));
            return statement;
        });
        return new Round(hashes.size(), byTracker.size(), measured.size(), counts.unknown());
    }

    private void scrape(String tracker, List<InfoHash> torrents, SwarmCounts counts) {
        try {
            counts.add(Tracker.at(URI.create(tracker), addresses).scrape(torrents));
        } catch (IOException | TrackerException | IllegalArgumentException e) {
            // Dead, refused, forbidden or malformed trackers are common: one line, no stack.
            log.debug("Swarm health: tracker {} not scraped: {}", tracker, e.toString());
        }
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
