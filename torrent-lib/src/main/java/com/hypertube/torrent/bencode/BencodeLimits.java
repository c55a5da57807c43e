package com.hypertube.torrent.bencode;

/**
 * Bounds on what the decoder accepts, checked before anything is allocated.
 *
 * @param maxDepth how deeply lists and dictionaries may nest
 * @param maxTokens how many values the whole input may hold
 * @param maxStringLength the longest byte string
 */
public record BencodeLimits(int maxDepth, int maxTokens, int maxStringLength) {

    /** Enough for .torrent files of tens of thousands of files and pieces; far from exhausting a heap. */
    public static final BencodeLimits DEFAULT = new BencodeLimits(64, 1_000_000, 16 * 1024 * 1024);

    public BencodeLimits {
        if (maxDepth < 1 || maxTokens < 1 || maxStringLength < 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
