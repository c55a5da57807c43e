-- The torrents streaming-service has complete on its disk (its download.completed events): such a source starts
-- at once, so it ranks first. Kept by info hash; the janitor's deletions are not announced, so a row may
-- outlive its files (the source then starts as any other would).
CREATE TABLE downloaded_here (
    info_hash    VARCHAR(40)  PRIMARY KEY,
    completed_at TIMESTAMPTZ  NOT NULL
);
