package com.hypertube.source.release;

/**
 * Video codec family. DivX is reported as {@link #XVID}: both are MPEG-4 Part 2, which is what decides
 * playability. {@link #VC1} exists because old Blu-ray remuxes carry it and no browser decodes it.
 */
public enum VideoCodec {
    H264,
    HEVC,
    AV1,
    VP9,
    XVID,
    MPEG2,
    VC1
}
