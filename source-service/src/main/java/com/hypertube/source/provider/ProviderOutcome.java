package com.hypertube.source.provider;

import java.time.Duration;

/**
 * How one provider did in one search, for the API to show beside the results.
 *
 * @param found how many sources it gave (0 unless it answered)
 * @param took how long it took, or the search's timeout when it timed out
 */
public record ProviderOutcome(String provider, Status status, int found, Duration took) {

    public enum Status {
        /** It answered in time (possibly with nothing, possibly because it could not be reached: see its log). */
        ANSWERED,
        /** It threw: its sources are missing from this search. */
        FAILED,
        /** It had not answered when the search's time was up. */
        TIMED_OUT
    }
}
