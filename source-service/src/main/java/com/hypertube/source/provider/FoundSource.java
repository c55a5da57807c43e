package com.hypertube.source.provider;

import com.hypertube.torrent.magnet.InvalidMagnetException;
import com.hypertube.torrent.magnet.MagnetLink;
import com.hypertube.torrent.metainfo.InfoHash;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A torrent a provider offers for a title, checked: the info hash is 40 lower-case hex digits and the magnet
 * is one we built from parsed parts (so it carries nothing a provider slipped into it but a name, trackers and
 * peers). Only {@link Builder#build()} makes one, and it drops what is not a valid torrent instead of throwing.
 *
 * @param releaseName the provider's name for it, control characters removed
 * @param sizeBytes its size, when the provider says
 * @param seeders seeders the provider saw, when it says
 * @param leechers leechers the provider saw, when it says
 * @param provider the {@link SourceProvider#name()} it came from
 * @param trackers the announce URLs the provider gave (also in the magnet)
 * @param hints what the provider says directly of the video, not read from the name
 * @param season for an episode, its season (null for a film)
 * @param episode for an episode, its number (null for a film)
 */
public record FoundSource(
        String infoHash,
        String magnet,
        String releaseName,
        Long sizeBytes,
        Integer seeders,
        Integer leechers,
        String provider,
        List<String> trackers,
        Hints hints,
        Integer season,
        Integer episode) {

    /** Any of these is null when the provider does not say. */
    public record Hints(String quality, String source, String codec, String bitDepth, String audioChannels) {
        public static final Hints NONE = new Hints(null, null, null, null, null);
    }

    private static final Logger log = LoggerFactory.getLogger(FoundSource.class);

    // Far above what any provider lists, far below what a hostile answer could make us carry around.
    private static final int MAX_TRACKERS = 50;
    private static final int MAX_NAME = 1_000;
    private static final Set<String> TRACKER_SCHEMES = Set.of("http", "https", "udp");

    public FoundSource {
        trackers = List.copyOf(trackers);
        hints = hints == null ? Hints.NONE : hints;
    }

    static Builder from(String provider) {
        return new Builder(provider);
    }

    /** Collects what a provider gives; {@link #build()} checks it. */
    static final class Builder {
        private final String provider;
        private String hash;
        private String magnet;
        private String name;
        private Long size;
        private Integer seeders;
        private Integer leechers;
        private List<String> trackers = List.of();
        private Hints hints = Hints.NONE;
        private Integer season;
        private Integer episode;

        private Builder(String provider) {
            this.provider = provider;
        }

        Builder hash(String value) {
            this.hash = value;
            return this;
        }

        Builder magnet(String value) {
            this.magnet = value;
            return this;
        }

        Builder name(String value) {
            this.name = value;
            return this;
        }

        Builder size(Long value) {
            this.size = value;
            return this;
        }

        Builder peers(Integer seeding, Integer leeching) {
            this.seeders = seeding;
            this.leechers = leeching;
            return this;
        }

        Builder trackers(List<String> value) {
            this.trackers = value == null ? List.of() : value;
            return this;
        }

        Builder hints(Hints value) {
            this.hints = value;
            return this;
        }

        Builder episode(Integer seasonNumber, Integer episodeNumber) {
            this.season = seasonNumber;
            this.episode = episodeNumber;
            return this;
        }

        /** The source, or empty when the hash or magnet is not valid, or when both are missing or disagree. */
        Optional<FoundSource> build() {
            InfoHash fromHash = null;
            if (hash != null && !hash.isBlank()) {
                fromHash = InfoHashes.parse(hash).orElse(null);
                if (fromHash == null) {
                    return dropped("an invalid info hash");
                }
            }
            MagnetLink given = null;
            if (magnet != null && !magnet.isBlank()) {
                try {
                    given = MagnetLink.parse(magnet.strip());
                } catch (InvalidMagnetException e) {
                    return dropped("an invalid magnet (" + e.getMessage() + ")");
                }
            }
            if (fromHash == null && given == null) {
                return dropped("neither an info hash nor a magnet");
            }
            if (fromHash != null && given != null && !fromHash.equals(given.infoHash())) {
                return dropped("a magnet for another info hash");
            }
            InfoHash infoHash = fromHash != null ? fromHash : given.infoHash();
            List<URI> announce = trackersOf(given);
            String releaseName = clean(name);
            if (releaseName == null && given != null) {
                releaseName = given.displayName().map(FoundSource::clean).orElse(null);
            }
            if (releaseName == null) {
                releaseName = infoHash.hex();
            }
            MagnetLink built = new MagnetLink(
                    infoHash, Optional.of(releaseName), announce, given == null ? List.of() : given.peers());
            return Optional.of(new FoundSource(
                    infoHash.hex(),
                    built.toUri(),
                    releaseName,
                    size == null || size < 0 ? null : size,
                    seeders == null || seeders < 0 ? null : seeders,
                    leechers == null || leechers < 0 ? null : leechers,
                    provider,
                    announce.stream().map(URI::toString).toList(),
                    hints,
                    season,
                    episode));
        }

        // The provider's own list first, then the magnet's; a URL we cannot announce to is left out.
        private List<URI> trackersOf(MagnetLink given) {
            Set<URI> all = new LinkedHashSet<>();
            for (String tracker : trackers) {
                announceUrl(tracker).ifPresent(all::add);
            }
            if (given != null) {
                all.addAll(given.trackers());
            }
            return new ArrayList<>(all).subList(0, Math.min(all.size(), MAX_TRACKERS));
        }

        private Optional<FoundSource> dropped(String why) {
            log.debug("{}: dropped a source with {}", provider, why);
            return Optional.empty();
        }
    }

    private static Optional<URI> announceUrl(String text) {
        if (text == null || text.length() > 2048) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return TRACKER_SCHEMES.contains(scheme) && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /**
     * The name without control or format characters (a name is shown and logged: a newline would forge a log
     * line, a bidi override make it read backwards), cut at a sane length; null if blank.
     */
    static String clean(String name) {
        if (name == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(name.length(), MAX_NAME));
        name.codePoints()
                .filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
                .limit(MAX_NAME)
                .forEach(out::appendCodePoint);
        String cleaned = out.toString().strip();
        return cleaned.isEmpty() ? null : cleaned;
    }
}
