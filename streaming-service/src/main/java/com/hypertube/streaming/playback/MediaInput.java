package com.hypertube.streaming.playback;

import java.nio.file.Path;

/**
 * Where ffmpeg reads a file from: the file itself once the torrent has it all, else our loopback reader
 * (see {@link LoopbackFiles}). Never a name a user or a torrent chose, verbatim: a path is given with the
 * {@code file:} protocol so that a name starting with a dash or naming another protocol means nothing.
 */
public record MediaInput(String forFfmpeg, boolean complete) {

    public static MediaInput file(Path path) {
        return new MediaInput("file:" + path.toAbsolutePath(), true);
    }

    static MediaInput loopback(String url) {
        return new MediaInput(url, false);
    }
}
