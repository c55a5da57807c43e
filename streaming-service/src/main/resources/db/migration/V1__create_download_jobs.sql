-- One row per download, written before its message goes on the download queue (seed 001), so that a
-- lost message is re-sent by the reconciler and a restart knows every unfinished job.
CREATE TABLE download_jobs (
    id             UUID          PRIMARY KEY,
    info_hash      CHAR(40)      NOT NULL CHECK (info_hash ~ '^[0-9a-f]{40}$'),
    file_index     INTEGER       CHECK (file_index >= 0),
    requested_by   UUID,
    status         VARCHAR(16)   NOT NULL
        CHECK (status IN ('PENDING', 'DOWNLOADING', 'COMPLETED', 'FAILED', 'CANCELLED')),
    progress       SMALLINT      NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    download_speed BIGINT        NOT NULL DEFAULT 0 CHECK (download_speed >= 0),
    eta_seconds    INTEGER       CHECK (eta_seconds >= 0),
    peers          INTEGER       NOT NULL DEFAULT 0 CHECK (peers >= 0),
    file_path      VARCHAR(1024),
    error_message  VARCHAR(1024),
    created_at     TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ   NOT NULL DEFAULT now(),
    completed_at   TIMESTAMPTZ
);

-- The reconciler looks for jobs stuck in PENDING; the stream handler finds the job of a torrent.
CREATE INDEX download_jobs_status_updated_idx ON download_jobs (status, updated_at);
CREATE INDEX download_jobs_info_hash_idx ON download_jobs (info_hash);
