package com.hypertube.source.release;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The fields found so far. The first mention wins, because names list the main video and audio track
 * first; REMUX is the exception, as it refines a BluRay that usually comes earlier in the name.
 */
final class Draft {

    private Quality quality;
    private SourceKind source;
    private VideoCodec videoCodec;
    private int bitDepth = -1;
    private boolean hdr;
    private AudioCodec audioCodec;
    private String audioChannels;
    private boolean atmos;
    private Container container;

    void quality(Quality value) {
        if (quality == null) {
            quality = value;
        }
    }

    void source(SourceKind value) {
        if (source == null || value == SourceKind.REMUX) {
            source = value;
        }
    }

    void videoCodec(VideoCodec value) {
        if (videoCodec == null) {
            videoCodec = value;
        }
    }

    void bitDepth(int value) {
        if (bitDepth < 0) {
            bitDepth = value;
        }
    }

    void hdr() {
        hdr = true;
    }

    void audioCodec(AudioCodec value) {
        if (audioCodec == null) {
            audioCodec = value;
        }
    }

    void audioChannels(String value) {
        if (audioChannels == null) {
            audioChannels = value;
        }
    }

    void atmos() {
        atmos = true;
    }

    void container(Container value) {
        if (container == null) {
            container = value;
        }
    }

    ReleaseInfo toInfo(String releaseGroup, int season, int episode, String title, int year) {
        return new ReleaseInfo(
                Optional.ofNullable(quality),
                Optional.ofNullable(source),
                Optional.ofNullable(videoCodec),
                optional(bitDepth),
                hdr,
                Optional.ofNullable(audioCodec),
                Optional.ofNullable(audioChannels),
                atmos,
                Optional.ofNullable(container),
                Optional.ofNullable(releaseGroup),
                optional(season),
                optional(episode),
                Optional.ofNullable(title),
                optional(year));
    }

    private static OptionalInt optional(int value) {
        return value < 0 ? OptionalInt.empty() : OptionalInt.of(value);
    }
}
