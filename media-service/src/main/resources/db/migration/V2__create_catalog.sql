-- The catalog as it is served: films and series in one table (they browse, search and sort the same way),
-- with their seasons and episodes, genre names per language, and titles in other languages for search.
-- The skeleton's movies table never held data; titles replaces it.
DROP TABLE movies;

-- Trigram matching for forgiving search (small typos). pg_trgm is a trusted extension; in compose the
-- database owner creates it for this schema (deploy/postgres/service-roles.sh), so this line is a no-op there.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA media;

CREATE TABLE titles (
    id                  UUID          PRIMARY KEY,
    kind                VARCHAR(8)    NOT NULL CHECK (kind IN ('movie', 'show')),
    tmdb_id             INTEGER,
    imdb_id             VARCHAR(16)   UNIQUE,
    title               VARCHAR(512)  NOT NULL,
    original_title      VARCHAR(512),
    original_language   VARCHAR(16),
    -- lower-cased, accents removed, punctuation as spaces (SearchText): what search and name sorting use
    search_text         VARCHAR(512)  NOT NULL,
    release_year        SMALLINT,
    runtime_minutes     SMALLINT,
    overview            TEXT,
    poster_path         VARCHAR(512),
    backdrop_path       VARCHAR(512),
    rating              NUMERIC(3, 1),
    rating_source       VARCHAR(8)    CHECK (rating_source IN ('imdb', 'tmdb', 'yts')),
    rating_votes        INTEGER,
    imdb_rating_at      TIMESTAMPTZ,
    popularity          DOUBLE PRECISION NOT NULL DEFAULT 0,
    watch_count         INTEGER       NOT NULL DEFAULT 0,
    genres              TEXT[]        NOT NULL DEFAULT '{}',
    director            VARCHAR(256),
    producers           TEXT[]        NOT NULL DEFAULT '{}',
    top_cast            JSONB         NOT NULL DEFAULT '[]',
    season_count        SMALLINT,
    metadata_source     VARCHAR(8)    NOT NULL CHECK (metadata_source IN ('tmdb', 'yts', 'demo')),
    details_fetched_at  TIMESTAMPTZ,
    created_at          TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ   NOT NULL DEFAULT now(),
    UNIQUE (kind, tmdb_id)
);

-- Keyset pagination: each sort reads an index in order from the cursor on.
CREATE INDEX titles_popularity_idx ON titles (kind, popularity, id);
CREATE INDEX titles_name_idx ON titles (kind, search_text, id);
CREATE INDEX titles_year_idx ON titles (kind, (coalesce(release_year, 0)), id);
CREATE INDEX titles_rating_idx ON titles (kind, (coalesce(rating, 0)), id);
CREATE INDEX titles_watch_count_idx ON titles (kind, watch_count, id);
CREATE INDEX titles_search_trgm_idx ON titles USING gin (search_text gin_trgm_ops);
CREATE INDEX titles_stale_idx ON titles (details_fetched_at NULLS FIRST);

-- A title's name in another language (TMDB's translations, or the search results of a user's language).
CREATE TABLE title_translations (
    title_id     UUID         NOT NULL REFERENCES titles (id) ON DELETE CASCADE,
    language     VARCHAR(16)  NOT NULL,
    title        VARCHAR(512) NOT NULL,
    search_text  VARCHAR(512) NOT NULL,
    PRIMARY KEY (title_id, language)
);
CREATE INDEX title_translations_trgm_idx ON title_translations USING gin (search_text gin_trgm_ops);

-- Genre names: the English name is the key titles store; other languages translate it.
CREATE TABLE genre_names (
    genre     VARCHAR(64) NOT NULL,
    language  VARCHAR(16) NOT NULL,
    name      VARCHAR(64) NOT NULL,
    PRIMARY KEY (genre, language)
);

CREATE TABLE seasons (
    title_id       UUID         NOT NULL REFERENCES titles (id) ON DELETE CASCADE,
    season_number  SMALLINT     NOT NULL,
    name           VARCHAR(256),
    overview       TEXT,
    air_date       DATE,
    poster_path    VARCHAR(512),
    episode_count  SMALLINT,
    episodes_fetched_at TIMESTAMPTZ,
    PRIMARY KEY (title_id, season_number)
);

CREATE TABLE episodes (
    title_id        UUID         NOT NULL REFERENCES titles (id) ON DELETE CASCADE,
    season_number   SMALLINT     NOT NULL,
    episode_number  SMALLINT     NOT NULL,
    name            VARCHAR(512),
    overview        TEXT,
    air_date        DATE,
    runtime_minutes SMALLINT,
    still_path      VARCHAR(512),
    PRIMARY KEY (title_id, season_number, episode_number)
);

-- Where each user is in each film or episode (season and episode 0 for a film), as the player reports it.
CREATE TABLE progress (
    user_id          UUID         NOT NULL,
    title_id         UUID         NOT NULL REFERENCES titles (id) ON DELETE CASCADE,
    season_number    SMALLINT     NOT NULL DEFAULT 0,
    episode_number   SMALLINT     NOT NULL DEFAULT 0,
    position_seconds INTEGER      NOT NULL,
    duration_seconds INTEGER      NOT NULL,
    watched          BOOLEAN      NOT NULL DEFAULT false,
    updated_at       TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (user_id, title_id, season_number, episode_number)
);
CREATE INDEX progress_recent_idx ON progress (user_id, updated_at DESC);

CREATE TABLE comments (
    id          UUID          PRIMARY KEY,
    title_id    UUID          NOT NULL REFERENCES titles (id) ON DELETE CASCADE,
    author_id   UUID          NOT NULL,
    author_name VARCHAR(64)   NOT NULL,
    body        VARCHAR(2000) NOT NULL,
    created_at  TIMESTAMPTZ   NOT NULL,
    updated_at  TIMESTAMPTZ   NOT NULL
);
CREATE INDEX comments_title_idx ON comments (title_id, created_at DESC, id);
CREATE INDEX comments_latest_idx ON comments (created_at DESC, id);

-- ShedLock's table: a scheduled sync runs on one instance at a time.
CREATE TABLE shedlock (
    name       VARCHAR(64)  PRIMARY KEY,
    lock_until TIMESTAMPTZ  NOT NULL,
    locked_at  TIMESTAMPTZ  NOT NULL,
    locked_by  VARCHAR(255) NOT NULL
);
