package com.hypertube.auth.support;

import static org.mockito.Mockito.when;

import com.hypertube.auth.token.AccessTokens;
import com.hypertube.contract.Scopes;
import com.hypertube.web.Caller;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who a controller slice test's request is. The auth service checks tokens itself (its CallerResolver asks
 * {@link AccessTokens#verify}); in a slice that bean is a mock, taught here which bearer tokens stand for whom.
 */
public final class SliceCallers {

    /** {@code Authorization} of a signed-in user (the one given to {@link #recognise}). */
    public static final String USER = "Bearer user-token";

    /** {@code Authorization} of a read-only API client. */
    public static final String API_CLIENT = "Bearer client-token";

    /** {@code Authorization} of a token that verifies as nobody (forged, expired…). */
    public static final String INVALID = "Bearer forged-token";

    private SliceCallers() {}

    /** The mocked tokens verify {@link #USER} as this user and {@link #API_CLIENT} as a client; anything else fails. */
    public static void recognise(AccessTokens tokens, UUID user) {
        when(tokens.verify("user-token"))
                .thenReturn(Optional.of(new Caller(Optional.of(user), null, "alice", Set.of(Scopes.USER), Set.of())));
        when(tokens.verify("client-token"))
                .thenReturn(Optional.of(
                        new Caller(Optional.empty(), "htc_reader", "htc_reader", Set.of(Scopes.READ), Set.of())));
    }
}
