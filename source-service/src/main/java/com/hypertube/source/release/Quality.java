package com.hypertube.source.release;

/** Vertical resolution a release claims, best first so that ordinal order is preference order. */
public enum Quality {
    P2160("2160p"),
    P1080("1080p"),
    P720("720p"),
    P480("480p");

    private final String label;

    Quality(String label) {
        this.label = label;
    }

    /** The spelling release names and users share, e.g. {@code 1080p}. */
    public String label() {
        return label;
    }
}
