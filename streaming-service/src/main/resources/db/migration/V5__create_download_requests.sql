-- Who asked for which download. One job serves every viewer of a torrent; each viewer sees and cancels only
-- their own request, and the torrent stops when the last one is gone.
CREATE TABLE download_requests (
    job_id       UUID        NOT NULL REFERENCES download_jobs (id) ON DELETE CASCADE,
    user_id      UUID        NOT NULL,
    requested_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (job_id, user_id)
);
CREATE INDEX download_requests_user_idx ON download_requests (user_id, requested_at);
