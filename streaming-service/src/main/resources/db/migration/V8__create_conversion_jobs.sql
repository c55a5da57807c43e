-- Seed 001's conversion queue: a completed file no common browser plays as it is gets a browser-ready copy (a
-- faststart MP4 with H.264 and AAC) beside it. The row is written before its message goes on the conversion
-- queue; one row per file, whatever the number of downloads of it (the job is idempotent).
CREATE TABLE conversion_jobs (
    id          UUID          PRIMARY KEY,
    info_hash   CHAR(40)      NOT NULL CHECK (info_hash ~ '^[0-9a-f]{40}$'),
    file_index  INTEGER       NOT NULL CHECK (file_index >= 0),
    status      VARCHAR(16)   NOT NULL CHECK (status IN ('PENDING', 'RUNNING', 'DONE', 'FAILED')),
    attempts    INTEGER       NOT NULL DEFAULT 0,
    reason      VARCHAR(1000),
    created_at  TIMESTAMPTZ   NOT NULL,
    updated_at  TIMESTAMPTZ   NOT NULL,
    UNIQUE (info_hash, file_index)
);
