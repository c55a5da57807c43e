-- What the job downloads, as a magnet link (a .torrent upload is kept as the magnet of its info hash plus
-- its trackers), so that a worker, or a restart, can start it again from the row alone.
ALTER TABLE download_jobs ADD COLUMN source TEXT;
