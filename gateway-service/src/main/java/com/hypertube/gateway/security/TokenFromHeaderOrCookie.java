package com.hypertube.gateway.security;

import org.springframework.http.HttpCookie;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Where the access token is read from: the {@code Authorization: Bearer} header, or — for GET and HEAD only —
 * the {@code ht_access} cookie, which is how {@code <video>} and {@code <img>} are authorized. A cookie
 * never authorizes a change, so a forged cross-site form gains nothing from it. On public paths no token
 * is read at all: a stale cookie must not stop anyone from signing in.
 */
final class TokenFromHeaderOrCookie implements ServerAuthenticationConverter {

    static final String ACCESS_COOKIE = "ht_access";

    private final ServerBearerTokenAuthenticationConverter header = new ServerBearerTokenAuthenticationConverter();
    private final ServerWebExchangeMatcher publicPaths;

    TokenFromHeaderOrCookie(ServerWebExchangeMatcher publicPaths) {
        this.publicPaths = publicPaths;
    }

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        return publicPaths.matches(exchange).flatMap(match -> match.isMatch() ? Mono.empty() : fromRequest(exchange));
    }

    private Mono<Authentication> fromRequest(ServerWebExchange exchange) {
        return header.convert(exchange).switchIfEmpty(Mono.defer(() -> {
            HttpMethod method = exchange.getRequest().getMethod();
            HttpCookie cookie = exchange.getRequest().getCookies().getFirst(ACCESS_COOKIE);
            if ((method != HttpMethod.GET && method != HttpMethod.HEAD)
                    || cookie == null
                    || cookie.getValue().isBlank()) {
                return Mono.empty();
            }
            return Mono.just(new BearerTokenAuthenticationToken(cookie.getValue()));
        }));
    }
}
