package com.hypertube.gateway.security;

import com.hypertube.contract.Roles;
import com.hypertube.contract.Scopes;
import com.hypertube.contract.TokenClaims;
import java.util.List;
import java.util.Set;
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
 * and the subject's public API ({@code /movies}, {@code /comments}, {@code /users}). One decision instead of a list of matcher-to-rule entries, which Spring Security walks
 * with a reactive chain per entry on every request.
 */
final class AccessRules implements ReactiveAuthorizationManager<AuthorizationContext> {

    private static final Mono<AuthorizationResult> GRANTED = Mono.just(new AuthorizationDecision(true));
    private static final AuthorizationDecision DENIED = new AuthorizationDecision(false);
    private static final Set<String> READERS = Set.of("SCOPE_" + Scopes.USER, "SCOPE_" + Scopes.READ);
    private static final Set<String> USERS = Set.of("SCOPE_" + Scopes.USER);
    private static final List<PathPattern> READ_AREAS =
            PublicPaths.patterns("/api/**", "/stream/**", "/movies/**", "/comments/**", "/users/**");
    /** The gateway's own metrics and endpoints besides health: for administrators only. */
    private static final List<PathPattern> ADMIN_AREAS = PublicPaths.patterns("/actuator/**");

    private final PublicPaths publicPaths;

    AccessRules(PublicPaths publicPaths) {
        this.publicPaths = publicPaths;
    }

    @Override
    public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, AuthorizationContext context) {
        ServerHttpRequest request = context.getExchange().getRequest();
        if (publicPaths.isPublic(request)) {
            return GRANTED;
        }
        if (PublicPaths.matchesAny(ADMIN_AREAS, request.getPath().pathWithinApplication())) {
            return authentication
                    .filter(Authentication::isAuthenticated)
                    .map(granted -> (AuthorizationResult) new AuthorizationDecision(isAdmin(granted)))
                    .defaultIfEmpty(DENIED);
        }
        Set<String> allowed = isRead(request) ? READERS : USERS;
        return authentication
                .filter(Authentication::isAuthenticated)
                .map(granted -> (AuthorizationResult) new AuthorizationDecision(hasAnyOf(granted, allowed)))
                .defaultIfEmpty(DENIED);
    }

    private static boolean isRead(ServerHttpRequest request) {
        HttpMethod method = request.getMethod();
        return (method == HttpMethod.GET || method == HttpMethod.HEAD)
                && PublicPaths.matchesAny(READ_AREAS, request.getPath().pathWithinApplication());
    }

    private static boolean isAdmin(Authentication authentication) {
        if (!(authentication instanceof JwtAuthenticationToken jwt) || !hasAnyOf(authentication, USERS)) {
            return false;
        }
        List<String> roles = jwt.getToken().getClaimAsStringList(TokenClaims.ROLES);
        return roles != null && roles.contains(Roles.ADMIN);
    }

    private static boolean hasAnyOf(Authentication authentication, Set<String> allowed) {
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            if (allowed.contains(authority.getAuthority())) {
                return true;
            }
        }
        return false;
    }
}
