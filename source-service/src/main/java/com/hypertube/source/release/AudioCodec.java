package com.hypertube.source.release;

/**
 * Audio codec of the main track.
 *
 * <p>Dolby Atmos is not a codec but object metadata riding on TrueHD or E-AC-3, so it is the separate flag
 * {@link ReleaseInfo#atmos()} and never changes the codec. DTS:X likewise extends a DTS-HD MA core, so it is
 * reported as {@link #DTS_HD}.
 */
public enum AudioCodec {
    AAC,
    AC3,
    EAC3,
    DTS,
    DTS_HD,
    TRUEHD,
    FLAC,
    MP3,
    OPUS
}
