package com.hypertube.contract;

/** What a token may do. */
public final class Scopes {

    /** Everything a signed-in user may do. */
    public static final String USER = "user";

    /** An API client's: GET and HEAD on the API. */
    public static final String READ = "read";

    private Scopes() {}
}
