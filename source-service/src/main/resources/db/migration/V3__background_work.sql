-- ShedLock's table: the swarm health round and the background source search each run on one instance at a
-- time (the lock's times are the database's, not each instance's clock).
CREATE TABLE shedlock (
    name       VARCHAR(64)  PRIMARY KEY,
    lock_until TIMESTAMPTZ  NOT NULL,
    locked_at  TIMESTAMPTZ  NOT NULL,
    locked_by  VARCHAR(255) NOT NULL
);

-- When a source's trackers were last asked, answered or not (measured_at is when counts were last learned):
-- the swarm health round asks those asked longest ago first, so unanswered torrents do not crowd the others out.
ALTER TABLE torrent_sources ADD COLUMN scraped_at TIMESTAMPTZ;

-- The titles the background search keeps fresh: every film or episode the sources API was asked for, and the
-- films of the sources' own catalog feed (media-service's library without TMDB). season and episode are null
-- for a film; searched_at is null until the providers were first asked for the title.
CREATE TABLE searched_titles (
    imdb_id      VARCHAR(16)   NOT NULL,
    season       INTEGER       CHECK (season >= 0),
    episode      INTEGER       CHECK (episode >= 0),
    title        VARCHAR(512)  NOT NULL,
    release_year INTEGER,
    searched_at  TIMESTAMPTZ,
    UNIQUE NULLS NOT DISTINCT (imdb_id, season, episode)
);

-- A round searches the titles never searched first, then those searched longest ago.
CREATE INDEX searched_titles_searched_at ON searched_titles (searched_at NULLS FIRST);
