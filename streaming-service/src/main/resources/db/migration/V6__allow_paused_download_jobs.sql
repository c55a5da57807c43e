-- A download whose disk filled up is PAUSED, not FAILED: it keeps its pieces and goes on when there is room.
ALTER TABLE download_jobs DROP CONSTRAINT download_jobs_status_check;
ALTER TABLE download_jobs ADD CONSTRAINT download_jobs_status_check
    CHECK (status IN ('PENDING', 'DOWNLOADING', 'PAUSED', 'COMPLETED', 'FAILED', 'CANCELLED'));
