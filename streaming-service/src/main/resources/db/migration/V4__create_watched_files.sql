-- When each downloaded file was last streamed: the clean-up deletes files unwatched for long, and a disk
-- quota evicts the least recently watched first. Paths are relative to the download root.
CREATE TABLE watched_files (
    info_hash       CHAR(40)      NOT NULL CHECK (info_hash ~ '^[0-9a-f]{40}$'),
    file_index      INTEGER       NOT NULL CHECK (file_index >= 0),
    path            VARCHAR(4096) NOT NULL,
    size_bytes      BIGINT        NOT NULL CHECK (size_bytes >= 0),
    last_watched_at TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (info_hash, file_index)
);

CREATE INDEX watched_files_last_watched_idx ON watched_files (last_watched_at);
