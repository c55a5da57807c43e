package com.hypertube.contract;

/** The cookies a browser holds (set by the auth service, read by the gateway and the services). */
public final class Cookies {

    /** A copy of the access token, for what cannot send a header ({@code <video>}, {@code <img>}): GET and HEAD only. */
    public static final String ACCESS = "ht_access";

    /** The refresh token: HttpOnly, path {@code /api/auth}. */
    public static final String REFRESH = "ht_refresh";

    private Cookies() {}
}
