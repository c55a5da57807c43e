-- Films of the catalog, keyed by our own id and known by their IMDb and TMDB ids. Metadata comes from
-- TMDB and is refreshed when metadata_fetched_at is older than the cache's time to live.
CREATE TABLE movies (
    id                  UUID          PRIMARY KEY,
    imdb_id             VARCHAR(16)   UNIQUE,
    tmdb_id             INTEGER       UNIQUE,
    title               VARCHAR(512)  NOT NULL,
    original_title      VARCHAR(512),
    release_year        SMALLINT,
    runtime_minutes     SMALLINT,
    overview            TEXT,
    poster_path         VARCHAR(512),
    rating              NUMERIC(3, 1),
    metadata_fetched_at TIMESTAMPTZ,
    created_at          TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ   NOT NULL DEFAULT now()
);

CREATE INDEX movies_title_idx ON movies (lower(title));
