-- Torrents found for a title by a provider (YTS, EZTV, Torznab...), with the swarm health last scraped.
-- A title is referenced by its IMDb id: no foreign key crosses into media's schema.
CREATE TABLE torrent_sources (
    id                UUID          PRIMARY KEY,
    imdb_id           VARCHAR(16)   NOT NULL,
    info_hash         CHAR(40)      NOT NULL CHECK (info_hash ~ '^[0-9a-f]{40}$'),
    provider          VARCHAR(32)   NOT NULL,
    title             VARCHAR(512)  NOT NULL,
    quality           VARCHAR(16),
    size_bytes        BIGINT        CHECK (size_bytes >= 0),
    seeders           INTEGER       CHECK (seeders >= 0),
    leechers          INTEGER       CHECK (leechers >= 0),
    health_checked_at TIMESTAMPTZ,
    created_at        TIMESTAMPTZ   NOT NULL DEFAULT now(),
    UNIQUE (imdb_id, info_hash)
);
