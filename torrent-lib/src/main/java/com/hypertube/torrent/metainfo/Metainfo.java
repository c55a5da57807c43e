package com.hypertube.torrent.metainfo;

import com.hypertube.torrent.bencode.BencodeDecoder;
import com.hypertube.torrent.bencode.BencodeDictionary;
import com.hypertube.torrent.bencode.BencodeException;
import com.hypertube.torrent.bencode.BencodeList;
import com.hypertube.torrent.bencode.BencodeString;
import com.hypertube.torrent.bencode.BencodeValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed .torrent: the info hash of its exact info bytes, the info itself, and its trackers in tiers
 * (BEP 12; a lone {@code announce} is one tier).
 */
public record Metainfo(InfoHash infoHash, TorrentInfo info, List<List<URI>> trackerTiers, byte[] rawInfo) {

    /** The largest .torrent we read: far above real ones, far below harming a heap. */
    public static final int MAX_TORRENT_BYTES = 16 * 1024 * 1024;

    private static final Set<String> TRACKER_SCHEMES = Set.of("http", "https", "udp");

    public Metainfo {
        trackerTiers = trackerTiers.stream().map(List::copyOf).toList();
        rawInfo = rawInfo.clone();
    }

    public static Metainfo parse(byte[] torrent) throws MetainfoException {
        if (torrent.length > MAX_TORRENT_BYTES) {
            throw new MetainfoException("torrent file larger than " + MAX_TORRENT_BYTES + " bytes");
        }
        BencodeValue root;
        try {
            root = BencodeDecoder.decode(torrent);
        } catch (BencodeException e) {
            throw new MetainfoException("not a torrent file: " + e.getMessage(), e);
        }
        if (!(root instanceof BencodeDictionary dictionary)) {
            throw new MetainfoException("not a torrent file: the top level is not a dictionary");
        }
        if (!(dictionary.get("info").orElse(null) instanceof BencodeDictionary info)) {
            throw new MetainfoException("no info dictionary");
        }
        byte[] rawInfo = info.raw();
        return new Metainfo(InfoHash.ofInfo(rawInfo), InfoParser.parse(info), trackerTiers(dictionary), rawInfo);
    }

    /**
     * A torrent from its info dictionary alone (saved after a magnet's metadata arrived, say), with the
     * trackers to use.
     */
    public static Metainfo fromInfo(byte[] rawInfo, List<List<URI>> trackerTiers) throws MetainfoException {
        BencodeValue info;
        try {
            info = BencodeDecoder.decode(rawInfo);
        } catch (BencodeException e) {
            throw new MetainfoException("not an info dictionary: " + e.getMessage(), e);
        }
        if (!(info instanceof BencodeDictionary dictionary)) {
            throw new MetainfoException("not an info dictionary");
        }
        return new Metainfo(InfoHash.ofInfo(rawInfo), InfoParser.parse(dictionary), trackerTiers, rawInfo);
    }

    /** The trackers in the order to try them, tier by tier. */
    public List<URI> trackers() {
        return trackerTiers.stream().flatMap(List::stream).toList();
    }

    // Unusable tracker URLs are skipped, not fatal: the torrent is still good with the others, or DHT.
    private static List<List<URI>> trackerTiers(BencodeDictionary root) {
        List<List<URI>> tiers = new ArrayList<>();
        Set<URI> seen = new LinkedHashSet<>();
        if (root.get("announce-list").orElse(null) instanceof BencodeList list) {
            for (BencodeValue tierValue : list.values()) {
                if (tierValue instanceof BencodeList tier) {
                    List<URI> urls = new ArrayList<>();
                    for (BencodeValue url : tier.values()) {
                        trackerUrl(url).filter(seen::add).ifPresent(urls::add);
                    }
                    if (!urls.isEmpty()) {
                        tiers.add(urls);
                    }
                }
            }
        }
        if (tiers.isEmpty()) {
            root.get("announce").flatMap(Metainfo::trackerUrl).ifPresent(url -> tiers.add(List.of(url)));
        }
        return tiers;
    }

    private static Optional<URI> trackerUrl(BencodeValue value) {
        if (!(value instanceof BencodeString string) || string.length() > 2048) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(string.utf8().trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return TRACKER_SCHEMES.contains(scheme) && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
