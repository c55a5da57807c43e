package com.hypertube.streaming.torrent;

import com.hypertube.streaming.StreamingProperties;
import com.hypertube.torrent.magnet.MagnetLink;
import com.hypertube.web.client.OutboundHttp;
import com.hypertube.web.client.ProviderCalls;
import com.hypertube.web.client.ProviderException;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Trackers for a torrent that came without any (a bare info hash, seed 000's case, or a magnet without
 * {@code tr=}): those source-service knows for the hash (from the sources it found), then the administrator's
 * default trackers. Asked with the caller's own token, briefly: source-service slow or down costs its trackers,
 * never the press of play. What comes back is checked (http, https or udp, at most 20); source-service's then
 * go through the engine's tracker address rules like any other tracker (they come from providers), while the
 * default trackers are trusted by the engine as the administrator's choice ({@link TorrentEngine#trackerRules}).
 */
@Component
public class TrackersForHash {

    static final int MAX_TRACKERS = 20;
    private static final Set<String> SCHEMES = Set.of("http", "https", "udp");
    private static final Logger log = LoggerFactory.getLogger(TrackersForHash.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ProviderCalls sourceService;
    private final List<URI> defaults;

    @Autowired
    TrackersForHash(StreamingProperties properties, InstantSource clock) {
        this(
                properties.sources().url(),
                properties.sources().timeout(),
                properties.sources().defaultTrackers(),
                clock);
    }

    TrackersForHash(URI sourceServiceUrl, Duration timeout, List<URI> defaults, InstantSource clock) {
        this.sourceService =
                new ProviderCalls("source-service", OutboundHttp.client(sourceServiceUrl, timeout, timeout), clock);
        this.defaults = List.copyOf(defaults);
    }

    /** The magnet as it is when it names trackers; otherwise with the trackers known for its hash. */
    public MagnetLink complete(MagnetLink magnet, String bearer) {
        if (!magnet.trackers().isEmpty()) {
            return magnet;
        }
        Set<URI> trackers = new LinkedHashSet<>(known(magnet.infoHash().hex(), bearer));
        trackers.addAll(defaults);
        List<URI> usable = trackers.stream()
                .filter(TrackersForHash::usable)
                .limit(MAX_TRACKERS)
                .toList();
        return new MagnetLink(magnet.infoHash(), magnet.displayName(), usable, magnet.peers());
    }

    private List<URI> known(String infoHash, String bearer) {
        try {
            // The hash is 40 hex characters (MagnetLink checked it): nothing in it to encode.
            Optional<String> body = sourceService.get("/api/sources/trackers/" + infoHash, Map.of(), bearer);
            List<URI> found = new ArrayList<>();
            for (String tracker : body.map(TrackersForHash::strings).orElse(List.of())) {
                try {
                    found.add(URI.create(tracker));
                } catch (IllegalArgumentException notAUri) {
                    // skipped: one bad entry does not cost the others
                }
            }
            return found;
        } catch (ProviderException e) {
            log.info(
                    "No trackers from source-service for {} ({}): the default trackers only", infoHash, e.getMessage());
            return List.of();
        }
    }

    private static List<String> strings(String body) {
        try {
            return List.of(JSON.readValue(body, String[].class));
        } catch (JacksonException e) {
            return List.of();
        }
    }

    private static boolean usable(URI tracker) {
        return tracker.getScheme() != null
                && SCHEMES.contains(tracker.getScheme().toLowerCase(java.util.Locale.ROOT))
                && tracker.getHost() != null
                && tracker.toString().length() <= 512;
    }
}
