package com.hypertube.torrent.metainfo;

/** A .torrent or info dictionary that is malformed, hostile or beyond our limits; says which. */
public final class MetainfoException extends Exception {

    public MetainfoException(String message) {
        super(message);
    }

    public MetainfoException(String message, Throwable cause) {
        super(message, cause);
    }
}
