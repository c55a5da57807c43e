-- Torrents that failed (no peers, say) and are not tried again until a time: kept in the database so
-- that a restart remembers them (seed 004's cooldown, made persistent and per failure type).
CREATE TABLE torrent_cooldowns (
    info_hash  CHAR(40)     PRIMARY KEY CHECK (info_hash ~ '^[0-9a-f]{40}$'),
    reason     VARCHAR(32)  NOT NULL,
    detail     VARCHAR(1024),
    until      TIMESTAMPTZ  NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);
