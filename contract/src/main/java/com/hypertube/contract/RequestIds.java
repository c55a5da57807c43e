package com.hypertube.contract;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The id that ties one request's answer to its log lines across the gateway and the services: it travels in
 * {@link #HEADER}, set by the gateway (or the first service) and echoed in every answer. One rule for all.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";

    // An id from outside is only trusted when it cannot smuggle anything into a log line or a header.
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private RequestIds() {}

    /** The caller's id when it is safe to reuse, otherwise a fresh one. */
    public static String acceptOrCreate(String fromCaller) {
        return fromCaller != null && SAFE.matcher(fromCaller).matches() ? fromCaller : fresh();
    }

    // Unique enough to find log lines, not unguessable: UUID.randomUUID() would take the SecureRandom lock on
    // every request, which hundreds of concurrent requests then queue on.
    private static String fresh() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }
}
