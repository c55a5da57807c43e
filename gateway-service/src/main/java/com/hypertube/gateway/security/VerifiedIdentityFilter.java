package com.hypertube.gateway.security;

import com.hypertube.contract.IdentityHeaders;
import com.hypertube.contract.TokenClaims;
import java.util.List;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Passes the verified identity on to the services: {@code X-User-Id} (a user's id), {@code X-Client-Id} (an
 * API client's), {@code X-User-Name}, {@code X-Token-Scope} and {@code X-User-Roles}, and the token itself as a Bearer header
 * (when it came in a cookie) so each service can verify it again. Whatever a caller sent in these headers is
 * removed first: only the gateway sets them.
 */
@Component
class VerifiedIdentityFilter implements GlobalFilter, Ordered {

    static final List<String> IDENTITY_HEADERS = IdentityHeaders.ALL;

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(JwtAuthenticationToken.class::cast)
                .map(authentication -> withIdentity(exchange, authentication.getToken()))
                .switchIfEmpty(Mono.fromSupplier(() -> withIdentity(exchange, null)))
                .flatMap(chain::filter);
    }

    private static ServerWebExchange withIdentity(ServerWebExchange exchange, Jwt token) {
        return exchange.mutate()
                .request(request -> request.headers(headers -> {
                    IDENTITY_HEADERS.forEach(headers::remove);
                    if (token == null) {
                        return;
                    }
                    String subject = token.getSubject();
                    if (TokenClaims.isClient(subject)) {
                        headers.set(
                                IdentityHeaders.CLIENT_ID,
                                subject.substring(TokenClaims.CLIENT_SUBJECT_PREFIX.length()));
                    } else {
                        headers.set(IdentityHeaders.USER_ID, subject);
                        String name = token.getClaimAsString(TokenClaims.NAME);
                        if (name != null) {
                            headers.set(IdentityHeaders.USER_NAME, name);
                        }
                    }
                    List<String> roles = token.getClaimAsStringList(TokenClaims.ROLES);
                    if (roles != null && !roles.isEmpty()) {
                        headers.set(IdentityHeaders.ROLES, String.join(",", roles));
                    }
                    String scope = token.getClaimAsString(TokenClaims.SCOPE);
                    if (scope != null) {
                        headers.set(IdentityHeaders.SCOPE, scope);
                    }
                    headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + token.getTokenValue());
                }))
                .build();
    }

    // Before routing, after security (which is a WebFilter, so it has run by now).
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
