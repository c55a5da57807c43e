package com.hypertube.web;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * The id that ties one request's error body to its log lines, across services: the gateway sets it and
 * every service passes it on.
 */
public final class RequestId {

    /** The header that carries the id between the browser, the gateway and the services. */
    public static final String HEADER = "X-Request-Id";

    /** The logging MDC key; the log pattern prints it on every line. */
    public static final String MDC_KEY = "requestId";

    // An id from outside is only trusted when it cannot smuggle anything into a log line or a header.
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private RequestId() {}

    /** The caller's id when it is safe to reuse, otherwise a fresh one. */
    public static String acceptOrCreate(String fromCaller) {
        return fromCaller != null && SAFE.matcher(fromCaller).matches() ? fromCaller : fresh();
    }

    // An id only has to be unique enough to find log lines, not unguessable: UUID.randomUUID() would take
    // the SecureRandom lock on every request, which hundreds of concurrent requests then queue on.
    private static String fresh() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    /** The id of the request this thread is serving, or {@code null} outside a request. */
    public static String current() {
        return MDC.get(MDC_KEY);
    }
}
