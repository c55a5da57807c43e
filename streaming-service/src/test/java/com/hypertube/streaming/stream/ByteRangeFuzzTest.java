package com.hypertube.streaming.stream;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.springframework.web.ErrorResponseException;

/**
 * Fuzz target for the Range header (hardening issue, finding 8: positions past Long.MAX_VALUE were 500s).
 * Whatever the header, the parser answers the whole file, a range inside the file, or a 416 — nothing else.
 *
 * <p>{@code ./mvnw verify} replays the saved inputs; {@code JAZZER_FUZZ=1 ./mvnw -pl streaming-service test
 * -Dtest=ByteRangeFuzzTest} fuzzes it (CI does, briefly).
 */
class ByteRangeFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void range(FuzzedDataProvider data) {
        long size = data.consumeLong(0, Long.MAX_VALUE);
        String header = data.consumeRemainingAsAsciiString();
        try {
            ByteRange.parse(header, size).ifPresent(range -> {
                if (range.start() < 0 || range.end() >= size || range.start() > range.end()) {
                    throw new AssertionError("range " + range + " outside a file of " + size + " bytes: " + header);
                }
            });
        } catch (ErrorResponseException refused) {
            if (refused.getStatusCode().value() != 416) {
                throw new AssertionError("not a 416 but " + refused.getStatusCode() + " for " + header);
            }
        }
    }
}
