package com.hypertube.gateway.security;

import com.hypertube.contract.Roles;
import com.hypertube.contract.Scopes;
import com.hypertube.contract.TokenClaims;
import java.util.Collection;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.web.util.pattern.PathPattern;
import reactor.core.publisher.Mono;

/**
 * Who may do what, decided in one step: public paths are open; a user's token ({@code scope=user}) opens
 * everything else; an API client's ({@code scope=read}) only GET and HEAD under {@code /api}, {@code /stream}
 * and the subject's public API ({@code /movies}, {@code /comments}, {@code /users}); the gateway's own
 * endpoints besides health are for administrators; any other token (a service's) opens nothing.
 *
 * <p>The guard asks {@link #allows} with the {@link Grants} its token cache holds, synchronously. The same
 * rules answer as a Spring Security {@link ReactiveAuthorizationManager}, for an {@link Authentication}.
 */
final class AccessRules implements ReactiveAuthorizationManager<AuthorizationContext> {

    /**
     * What a token may do.
     *
     * @param user {@code scope} holds {@code user}
     * @param read {@code scope} holds {@code read}
     * @param admin a user's token whose {@code roles} hold {@code admin}
     */
    record Grants(boolean user, boolean read, boolean admin) {}

    private static final Mono<AuthorizationResult> GRANTED = Mono.just(new AuthorizationDecision(true));
    private static final AuthorizationDecision DENIED = new AuthorizationDecision(false);
    private static final List<PathPattern> READ_AREAS =
            PublicPaths.patterns("/api/**", "/stream/**", "/movies/**", "/comments/**", "/users/**");
    /** The gateway's own metrics and endpoints besides health: for administrators only. */
    private static final List<PathPattern> ADMIN_AREAS = PublicPaths.patterns("/actuator/**");

    private final PublicPaths publicPaths;

    AccessRules(PublicPaths publicPaths) {
        this.publicPaths = publicPaths;
    }

    /** Whether anyone may make this request, with no token at all. */
    boolean isPublic(ServerHttpRequest request) {
        return publicPaths.isPublic(request);
    }

    /** Whether a token with these grants may make this request (which is not public). */
    boolean allows(ServerHttpRequest request, Grants grants) {
        if (PublicPaths.matchesAny(ADMIN_AREAS, request.getPath().pathWithinApplication())) {
            return grants.admin();
        }
        return grants.user() || (grants.read() && isRead(request));
    }

    @Override
    public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, AuthorizationContext context) {
        ServerHttpRequest request = context.getExchange().getRequest();
        if (isPublic(request)) {
            return GRANTED;
        }
        return authentication
                .filter(Authentication::isAuthenticated)
                .map(granted -> (AuthorizationResult) new AuthorizationDecision(allows(request, grantsOf(granted))))
                .defaultIfEmpty(DENIED);
    }

    private static Grants grantsOf(Authentication authentication) {
        Collection<? extends GrantedAuthority> authorities = authentication.getAuthorities();
        boolean user = hasAuthority(authorities, "SCOPE_" + Scopes.USER);
        boolean admin = false;
        if (user && authentication instanceof JwtAuthenticationToken jwt) {
            List<String> roles = jwt.getToken().getClaimAsStringList(TokenClaims.ROLES);
            admin = roles != null && roles.contains(Roles.ADMIN);
        }
        return new Grants(user, hasAuthority(authorities, "SCOPE_" + Scopes.READ), admin);
    }

    private static boolean isRead(ServerHttpRequest request) {
        HttpMethod method = request.getMethod();
        return (method == HttpMethod.GET || method == HttpMethod.HEAD)
                && PublicPaths.matchesAny(READ_AREAS, request.getPath().pathWithinApplication());
    }

    static boolean hasAuthority(Collection<? extends GrantedAuthority> authorities, String wanted) {
        for (GrantedAuthority authority : authorities) {
            if (wanted.equals(authority.getAuthority())) {
                return true;
            }
        }
        return false;
    }
}
