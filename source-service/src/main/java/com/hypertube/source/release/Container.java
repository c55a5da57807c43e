package com.hypertube.source.release;

/** File container; M2TS (Blu-ray transport stream) is reported as {@link #TS}. */
public enum Container {
    MP4,
    MKV,
    AVI,
    WEBM,
    M4V,
    TS
}
