package com.hypertube.source.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.hypertube.source.provider.FoundSource;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceSearchTest {

    private static final String HASH = "ab".repeat(20);

    @Test
    void theSameTorrentFromTwoProvidersIsOneSourceKeptWithTheMostSeeders() {
        List<FoundSource> kept = SourceSearch.onePerHash(List.of(
                source(HASH, "YTS", null),
                source("cd".repeat(20), "EZTV", 3),
                source(HASH, "Torznab", 12),
                source(HASH, "Local", 7)));

        assertThat(kept)
                .extracting(FoundSource::provider, FoundSource::seeders)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Torznab", 12),
                        org.assertj.core.groups.Tuple.tuple("EZTV", 3));
    }

    private static FoundSource source(String hash, String provider, Integer seeders) {
        return new FoundSource(
                hash,
                "magnet:?xt=urn:btih:" + hash,
                "Film.2020.1080p",
                null,
                seeders,
                null,
                provider,
                List.of(),
                null,
                null,
                null);
    }
}
