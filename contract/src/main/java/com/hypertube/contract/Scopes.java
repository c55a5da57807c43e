package com.hypertube.contract;

/** What a token may do. */
public final class Scopes {

    /** Everything a signed-in user may do. */
    public static final String USER = "user";

    /** An API client's: GET and HEAD on the API. */
    public static final String READ = "read";

    /**
     * Another Hypertube service's, for background work with no user behind it (a sync): GET and HEAD, called
     * service to service, never through the gateway (which lets only {@link #USER} and {@link #READ} in).
     */
    public static final String SERVICE = "service";

    private Scopes() {}
}
