package com.hypertube.source.search;

import com.hypertube.source.provider.FoundSource;
import com.hypertube.source.ranking.Ranking;
import com.hypertube.source.release.Quality;
import com.hypertube.source.release.ReleaseInfo;
import com.hypertube.source.release.ReleaseNames;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code torrent_sources} rows: one per title (its IMDb id) and info hash, written again each time a
 * search finds it. Counts a provider did not give keep the last ones known, with the time they were measured.
 */
@Repository
class StoredSources {

    private static final String UPSERT = """
            INSERT INTO torrent_sources (id, imdb_id, info_hash, provider, release_name, magnet, quality,
                video_codec, audio_codec, container, source_kind, season, episode, size_bytes, seeders, leechers,
                measured_at, trackers, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (imdb_id, info_hash) DO UPDATE SET
                provider = EXCLUDED.provider,
                release_name = EXCLUDED.release_name,
                magnet = EXCLUDED.magnet,
                quality = EXCLUDED.quality,
                video_codec = EXCLUDED.video_codec,
                audio_codec = EXCLUDED.audio_codec,
                container = EXCLUDED.container,
                source_kind = EXCLUDED.source_kind,
                season = EXCLUDED.season,
                episode = EXCLUDED.episode,
                size_bytes = COALESCE(EXCLUDED.size_bytes, torrent_sources.size_bytes),
                seeders = CASE WHEN EXCLUDED.measured_at IS NULL THEN torrent_sources.seeders
                    ELSE EXCLUDED.seeders END,
                leechers = CASE WHEN EXCLUDED.measured_at IS NULL THEN torrent_sources.leechers
                    ELSE EXCLUDED.leechers END,
                measured_at = COALESCE(EXCLUDED.measured_at, torrent_sources.measured_at),
                trackers = EXCLUDED.trackers,
                updated_at = EXCLUDED.updated_at
            """;

    private final JdbcTemplate jdbc;

    StoredSources(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes each source (one per info hash) for the title; counts given are dated {@code measuredAt}. */
    void upsert(String imdbId, List<FoundSource> sources, Instant measuredAt) {
        jdbc.batchUpdate(UPSERT, sources, 100, (statement, source) -> bind(statement, imdbId, source, measuredAt));
    }

    private static void bind(PreparedStatement statement, String imdbId, FoundSource source, Instant measuredAt)
            throws SQLException {
        ReleaseInfo release = ReleaseNames.parse(source.releaseName());
        var at = measuredAt.atOffset(ZoneOffset.UTC);
        int i = 0;
        statement.setObject(++i, UUID.randomUUID());
        statement.setString(++i, imdbId);
        statement.setString(++i, source.infoHash());
        statement.setString(++i, source.provider());
        statement.setString(++i, source.releaseName());
        statement.setString(++i, source.magnet());
        // A provider's hint only when it is a quality we know: the column is short and the hint is free text.
        statement.setString(
                ++i,
                release.quality()
                        .or(() -> Ranking.quality(source.hints().quality()))
                        .map(Quality::label)
                        .orElse(null));
        statement.setString(++i, name(release.videoCodec()));
        statement.setString(++i, name(release.audioCodec()));
        statement.setString(++i, name(release.container()));
        statement.setString(++i, name(release.source()));
        statement.setObject(++i, source.season(), Types.INTEGER);
        statement.setObject(++i, source.episode(), Types.INTEGER);
        statement.setObject(++i, source.sizeBytes(), Types.BIGINT);
        statement.setObject(++i, source.seeders(), Types.INTEGER);
        statement.setObject(++i, source.leechers(), Types.INTEGER);
        // Counts without a measure are not a measure: null keeps the stored ones (see UPSERT).
        statement.setObject(++i, source.seeders() == null ? null : at, Types.TIMESTAMP_WITH_TIMEZONE);
        statement.setArray(
                ++i,
                statement
                        .getConnection()
                        .createArrayOf("text", source.trackers().toArray()));
        statement.setObject(++i, at, Types.TIMESTAMP_WITH_TIMEZONE);
    }

    private static String name(Optional<? extends Enum<?>> value) {
        return value.map(Enum::name).orElse(null);
    }
}
