package com.hypertube.web;

import org.slf4j.MDC;

/**
 * The id that ties one request's error body to its log lines, across services: the gateway sets it and
 * every service passes it on.
 */
public final class RequestId {

    /** The header that carries the id between the browser, the gateway and the services. */
    public static final String HEADER = com.hypertube.contract.RequestIds.HEADER;

    /** The logging MDC key; the log pattern prints it on every line. */
    public static final String MDC_KEY = "requestId";

    private RequestId() {}

    /** The caller's id when it is safe to reuse, otherwise a fresh one (the contract's one rule). */
    public static String acceptOrCreate(String fromCaller) {
        return com.hypertube.contract.RequestIds.acceptOrCreate(fromCaller);
    }

    /** The id of the request this thread is serving, or {@code null} outside a request. */
    public static String current() {
        return MDC.get(MDC_KEY);
    }
}
