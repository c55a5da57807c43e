package com.hypertube.torrent.bencode;

/** Input that is not valid, canonical bencode, or that breaks a limit; says where. */
public final class BencodeException extends Exception {

    private final long offset;

    public BencodeException(String problem, long offset) {
        super(problem + " at offset " + offset);
        this.offset = offset;
    }

    /** Where in the input the fault was found. */
    public long offset() {
        return offset;
    }
}
