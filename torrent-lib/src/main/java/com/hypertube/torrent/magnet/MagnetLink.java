package com.hypertube.torrent.magnet;

import com.hypertube.torrent.metainfo.InfoHash;
import com.hypertube.torrent.peer.PeerAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A magnet link (BEP 9): {@code xt=urn:btih:} with a hex or base32 info hash, and optionally {@code dn}
 * (name), {@code tr} (trackers) and {@code x.pe} (peers). An additional {@code xt=urn:btmh:} (v2 hash)
 * is tolerated and ignored.
 */
public record MagnetLink(InfoHash infoHash, Optional<String> displayName, List<URI> trackers, List<PeerAddress> peers) {

    static final int MAX_LENGTH = 16 * 1024;
    static final int MAX_ENTRIES = 200;
    private static final Set<String> TRACKER_SCHEMES = Set.of("http", "https", "udp");

    public MagnetLink {
        trackers = List.copyOf(trackers);
        peers = List.copyOf(peers);
    }

    public static MagnetLink parse(String link) throws InvalidMagnetException {
        if (link.length() > MAX_LENGTH) {
            throw new InvalidMagnetException("magnet link longer than " + MAX_LENGTH + " characters");
        }
        if (!link.regionMatches(true, 0, "magnet:?", 0, 8)) {
            throw new InvalidMagnetException("not a magnet link (it must start with magnet:?)");
        }
        InfoHash infoHash = null;
        String name = null;
        Set<URI> trackers = new LinkedHashSet<>();
        List<PeerAddress> peers = new ArrayList<>();
        String[] parameters = link.substring(8).split("&");
        if (parameters.length > MAX_ENTRIES) {
            throw new InvalidMagnetException("magnet link with more than " + MAX_ENTRIES + " parameters");
        }
        for (String parameter : parameters) {
            int equals = parameter.indexOf('=');
            if (equals <= 0) {
                continue;
            }
            String key = parameter.substring(0, equals).toLowerCase(Locale.ROOT);
            String value = decode(parameter.substring(equals + 1));
            if (key.equals("xt") || key.startsWith("xt.")) {
                InfoHash hash = exactTopic(value);
                if (hash != null && infoHash != null && !hash.equals(infoHash)) {
                    throw new InvalidMagnetException("magnet link with two different BitTorrent info hashes");
                }
                infoHash = hash != null ? hash : infoHash;
            } else if (key.equals("dn")) {
                name = value;
            } else if (key.equals("tr") || key.startsWith("tr.")) {
                tracker(value).ifPresent(trackers::add);
            } else if (key.equals("x.pe")) {
                try {
                    peers.add(PeerAddress.parse(value));
                } catch (IllegalArgumentException e) {
                    throw new InvalidMagnetException("invalid peer in x.pe: " + e.getMessage());
                }
            }
        }
        if (infoHash == null) {
            throw new InvalidMagnetException("no BitTorrent info hash in the magnet link (xt=urn:btih:...)");
        }
        return new MagnetLink(infoHash, Optional.ofNullable(name), List.copyOf(trackers), peers);
    }

    /** The magnet link as text, with the hash in hex. */
    public String toUri() {
        StringBuilder uri = new StringBuilder("magnet:?xt=urn:btih:").append(infoHash.hex());
        displayName.ifPresent(name -> uri.append("&dn=").append(encode(name)));
        trackers.forEach(tracker -> uri.append("&tr=").append(encode(tracker.toString())));
        peers.forEach(peer -> uri.append("&x.pe=").append(encode(peer.toString())));
        return uri.toString();
    }

    // Returns the info hash of a btih topic, null for a tolerated other topic (btmh).
    private static InfoHash exactTopic(String value) throws InvalidMagnetException {
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.startsWith("urn:btih:")) {
            String hash = value.substring(9);
            try {
                return switch (hash.length()) {
                    case 40 -> InfoHash.fromHex(hash);
                    case 32 -> InfoHash.fromBase32(hash);
                    default ->
                        throw new InvalidMagnetException(
                                "the info hash must be 40 hex or 32 base32 characters, not " + hash.length());
                };
            } catch (IllegalArgumentException e) {
                throw new InvalidMagnetException("invalid info hash: " + e.getMessage());
            }
        }
        if (lower.startsWith("urn:btmh:")) {
            return null;
        }
        throw new InvalidMagnetException("unsupported exact topic '" + value + "' (only urn:btih: is)");
    }

    // Trackers we cannot speak to (WebTorrent's wss://, for one) are common in magnets: skip them.
    private static Optional<URI> tracker(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return TRACKER_SCHEMES.contains(scheme) && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static String decode(String value) throws InvalidMagnetException {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidMagnetException("badly escaped text in the magnet link: " + e.getMessage());
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
