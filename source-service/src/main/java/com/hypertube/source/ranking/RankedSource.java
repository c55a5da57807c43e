package com.hypertube.source.ranking;

import com.hypertube.source.provider.FoundSource;
import com.hypertube.source.release.ReleaseInfo;
import java.util.List;

/**
 * A source with what its name says, how a browser would play it, its score and the reasons for it.
 *
 * @param score higher is better; {@link Ranking} documents how it is made
 * @param reasons short sentences for the user, most important first
 */
public record RankedSource(
        FoundSource source, ReleaseInfo release, Playback playback, long score, List<String> reasons) {

    public RankedSource {
        reasons = List.copyOf(reasons);
    }
}
