package com.hypertube.source.provider;

import java.util.List;

/**
 * YTS API v2's envelope as documented: {@code {"status":"ok","status_message":...,"data":{...}}}, with
 * {@code status:"error"} for a failure. Field names are snake_case in the JSON ({@code ProviderCalls.JSON});
 * what we do not read is ignored. {@code data.movies} is absent when nothing matched.
 */
record YtsAnswer(String status, String statusMessage, Data data) {

    boolean ok() {
        return "ok".equals(status) && data != null;
    }

    List<Movie> movies() {
        return data == null || data.movies() == null ? List.of() : data.movies();
    }

    record Data(Integer movieCount, Integer limit, Integer pageNumber, List<Movie> movies) {}

    record Movie(
            Long id,
            String imdbCode,
            String title,
            String titleLong,
            Integer year,
            Double rating,
            Integer runtime,
            List<String> genres,
            String summary,
            String mediumCoverImage,
            List<Torrent> torrents) {

        List<Torrent> torrentsOrEmpty() {
            return torrents == null ? List.of() : torrents;
        }
    }

    /** One torrent of a film: {@code hash} is upper-case hex, {@code peers} are leechers. */
    record Torrent(
            String url,
            String hash,
            String quality,
            String type,
            String videoCodec,
            String bitDepth,
            String audioChannels,
            Integer seeds,
            Integer peers,
            Long sizeBytes) {}
}
