package com.hypertube.source.release;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a release name says about a torrent; every field is empty (or false) when the name does not say.
 *
 * <p>{@code atmos} was added next to {@code audioChannels} rather than folded into the codec: Atmos travels
 * inside TrueHD or E-AC-3, and a ranker for browser playback cares about the carrier codec, while a user may
 * still want to see the flag. {@code audioChannels} stays a string ("2.0", "5.1", "7.1") because that is the
 * form names and people use, and the ".1" is not a fraction.
 *
 * @param hdr any HDR flavour: HDR10, HDR10+, HLG or Dolby Vision
 * @param releaseGroup the group as written in the name, case kept
 * @param title the words before the year or episode marker, separators turned into spaces
 */
public record ReleaseInfo(
        Optional<Quality> quality,
        Optional<SourceKind> source,
        Optional<VideoCodec> videoCodec,
        OptionalInt bitDepth,
        boolean hdr,
        Optional<AudioCodec> audioCodec,
        Optional<String> audioChannels,
        boolean atmos,
        Optional<Container> container,
        Optional<String> releaseGroup,
        OptionalInt season,
        OptionalInt episode,
        Optional<String> title,
        OptionalInt year) {}
