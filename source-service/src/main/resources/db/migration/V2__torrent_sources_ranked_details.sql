-- What a search stores of each source it found: enough to answer again without the provider (the release
-- name, the magnet, what the name says of the video) and the swarm counts with when they were measured.
-- The counts are a provider's or a scrape's; measured_at is null while nobody has counted.
ALTER TABLE torrent_sources RENAME COLUMN title TO release_name;
ALTER TABLE torrent_sources RENAME COLUMN health_checked_at TO measured_at;
-- Release names are kept up to 1,000 characters (FoundSource cuts them there).
ALTER TABLE torrent_sources ALTER COLUMN release_name TYPE VARCHAR(1000);
ALTER TABLE torrent_sources ALTER COLUMN provider TYPE VARCHAR(64);

ALTER TABLE torrent_sources
    ADD COLUMN magnet       TEXT         NOT NULL DEFAULT '',
    ADD COLUMN season       INTEGER      CHECK (season >= 0),
    ADD COLUMN episode      INTEGER      CHECK (episode >= 0),
    ADD COLUMN video_codec  VARCHAR(16),
    ADD COLUMN audio_codec  VARCHAR(16),
    ADD COLUMN container    VARCHAR(16),
    ADD COLUMN source_kind  VARCHAR(16),
    ADD COLUMN trackers     TEXT[]       NOT NULL DEFAULT '{}',
    ADD COLUMN updated_at   TIMESTAMPTZ  NOT NULL DEFAULT now();

ALTER TABLE torrent_sources ALTER COLUMN magnet DROP DEFAULT;

-- The swarm check scrapes the sources measured longest ago first.
CREATE INDEX torrent_sources_measured_at ON torrent_sources (measured_at NULLS FIRST);
