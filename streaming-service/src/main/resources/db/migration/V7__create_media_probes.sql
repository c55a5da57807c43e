-- What ffprobe found in each file of a torrent (container, length, tracks): probed once, read by the playback
-- decision and shown per file in GET /api/torrents/{infoHash}. A torrent's content never changes, so neither
-- does its probe: a row (under a kilobyte) stays when the files are cleaned up, and is right again if the torrent
-- is downloaded again.
CREATE TABLE media_probes (
    info_hash  CHAR(40)    NOT NULL,
    file_index INTEGER     NOT NULL CHECK (file_index >= 0),
    probe      JSONB       NOT NULL,
    probed_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (info_hash, file_index)
);
