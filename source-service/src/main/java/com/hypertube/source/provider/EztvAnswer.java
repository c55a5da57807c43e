package com.hypertube.source.provider;

import java.util.List;

/**
 * EZTV's {@code get-torrents} answer as documented. {@code season}, {@code episode} and {@code size_bytes}
 * are strings in it; {@code peers} are leechers; {@code torrents} is absent past the last page.
 */
record EztvAnswer(String imdbId, Integer torrentsCount, Integer limit, Integer page, List<Torrent> torrents) {

    List<Torrent> torrentsOrEmpty() {
        return torrents == null ? List.of() : torrents;
    }

    record Torrent(
            Long id,
            String hash,
            String filename,
            String episodeUrl,
            String torrentUrl,
            String magnetUrl,
            String title,
            String imdbId,
            String season,
            String episode,
            Integer seeds,
            Integer peers,
            Long dateReleasedUnix,
            String sizeBytes) {}
}
