-- The subtitle languages a film can be watched with, as streaming-service found them in the tracks of a video played
-- for it (SubtitlesFoundEvent): the public API's "available subtitles".
CREATE TABLE title_subtitles (
    title_id   UUID         NOT NULL REFERENCES titles (id) ON DELETE CASCADE,
    language   VARCHAR(8)   NOT NULL,
    found_at   TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (title_id, language)
);
