package com.hypertube.contract;

/**
 * The claims of an access token besides the registered ones (sub, iss, aud, exp, iat, jti), and the rules every
 * verifier applies. A user's token has a UUID subject; an API client's has {@link #CLIENT_SUBJECT_PREFIX}
 * and its id.
 */
public final class TokenClaims {

    public static final String NAME = "name";

    /** Space-separated {@link Scopes}. */
    public static final String SCOPE = "scope";

    /** A list of {@link Roles}; absent or empty for an ordinary user. */
    public static final String ROLES = "roles";

    public static final String CLIENT_SUBJECT_PREFIX = "client:";

    /** The one signature algorithm accepted. */
    public static final String ALGORITHM = "RS256";

    /** How far apart the clocks of the signer and a verifier may be. */
    public static final int CLOCK_SKEW_SECONDS = 30;

    /** A longer token is refused before it is parsed. */
    public static final int MAX_LENGTH = 8192;

    private TokenClaims() {}

    /** Whether this subject is an API client's (else a user's id). */
    public static boolean isClient(String subject) {
        return subject != null && subject.startsWith(CLIENT_SUBJECT_PREFIX);
    }
}
