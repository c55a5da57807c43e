package com.hypertube.source.search;

import com.hypertube.source.provider.FoundSource;
import com.hypertube.source.provider.ProviderOutcome;
import com.hypertube.source.ranking.RankedSource;
import com.hypertube.source.release.Quality;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the sources API answers: the ranked sources, best first, and how each provider did.
 *
 * @param sources best first
 * @param providers each provider asked, answered or not (an answer from the cache shows the first search's)
 */
record SourcesAnswer(List<Source> sources, List<Provider> providers) {

    /**
     * One ranked source. The codec fields are what the release name (or the provider) says, null when neither
     * does.
     *
     * @param measuredAt when the seeders and leechers were counted; null when they are unknown
     * @param playback {@code direct}, {@code remux} or {@code convert}: what a browser needs to play it
     * @param score higher is better (see the ranking's documentation); only the order is meant to be compared
     * @param reasons why it stands where it does, for the user
     */
    record Source(
            String infoHash,
            String magnet,
            String name,
            String provider,
            Long sizeBytes,
            Integer seeders,
            Integer leechers,
            Instant measuredAt,
            String quality,
            String videoCodec,
            String audioCodec,
            String container,
            String playback,
            long score,
            List<String> reasons) {

        static Source of(RankedSource ranked, Instant measuredAt) {
            FoundSource found = ranked.source();
            var release = ranked.release();
            return new Source(
                    found.infoHash(),
                    found.magnet(),
                    found.releaseName(),
                    found.provider(),
                    found.sizeBytes(),
                    found.seeders(),
                    found.leechers(),
                    found.seeders() == null ? null : measuredAt,
                    release.quality().map(Quality::label).orElse(null),
                    label(release.videoCodec()),
                    label(release.audioCodec()),
                    label(release.container()),
                    ranked.playback().label(),
                    ranked.score(),
                    ranked.reasons());
        }

        private static String label(Optional<? extends Enum<?>> value) {
            return value.map(v -> v.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                    .orElse(null);
        }
    }

    /**
     * How one provider did.
     *
     * @param status {@code answered}, {@code failed} or {@code timed-out}
     * @param count how many sources it gave
     */
    record Provider(String name, String status, int count, long tookMillis) {

        static Provider of(ProviderOutcome outcome) {
            return new Provider(
                    outcome.provider(),
                    outcome.status().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    outcome.found(),
                    outcome.took().toMillis());
        }
    }
}
