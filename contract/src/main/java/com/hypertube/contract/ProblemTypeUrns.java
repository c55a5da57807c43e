package com.hypertube.contract;

/**
 * The stable {@code type} of every problem answer ({@code urn:hypertube:problem:<kind>}): clients branch on it,
 * never on wording. The kinds every part of the suite uses are here; a service adds its own through
 * {@link #of(String)}.
 */
public final class ProblemTypeUrns {

    public static final String PREFIX = "urn:hypertube:problem:";

    public static final String BAD_REQUEST = of("bad-request");
    public static final String UNAUTHORIZED = of("unauthorized");
    public static final String FORBIDDEN = of("forbidden");
    public static final String NOT_FOUND = of("not-found");
    public static final String TOO_MANY_REQUESTS = of("too-many-requests");
    public static final String SERVICE_UNAVAILABLE = of("service-unavailable");

    private ProblemTypeUrns() {}

    public static String of(String kind) {
        return PREFIX + kind;
    }
}
