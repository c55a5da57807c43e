package com.hypertube.gateway.security;

import com.hypertube.contract.VerifiedTokens;
import com.hypertube.gateway.web.ProblemResponses;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsProcessor;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The gateway's guard, in one pass over each request, before anything else of the gateway sees it (only the
 * request id comes first):
 *
 * <ol>
 *   <li>the request line's hardening rules ({@link RequestFirewall}): an odd spelling of a path is a bare
 *       {@code 400};
 *   <li>the security headers of every answer ({@link SecurityHeaders});
 *   <li>CORS, for the configured origins only ({@code 403} for others, preflights answered here);
 *   <li>public paths ({@link PublicPaths}) pass with no token read;
 *   <li>anything else needs a valid access token ({@link TokenFromHeaderOrCookie}): checked against the
 *       auth service's keys once, then answered from the token cache ({@link CachingJwtDecoder}) until it
 *       expires — {@code 401} otherwise;
 *   <li>the token must allow the request ({@link AccessRules}) — {@code 403} otherwise;
 *   <li>the verified caller is left on the exchange for the headers sent to the service ({@link
 *       VerifiedIdentityFilter}).
 * </ol>
 *
 * <p>Spring Security's WebFlux filter chain did the same with a dozen filters, each a reactive stage with
 * context lookups, wrappers around the exchange and copies of the request's headers: most of the gateway's
 * cost per request. Here a known token costs map lookups and path matches, with no reactive stage and no
 * change to the request (the services' headers are written once, into the copy the proxy makes anyway).
 */
final class GatewayGuard implements WebFilter, Ordered {

    /** The exchange attribute that holds the {@link Verified} caller of a request that needed a token. */
    static final String VERIFIED = GatewayGuard.class.getName() + ".verified";

    /** A request's verified caller, and whether its token must be sent on as a new Bearer header. */
    record Verified(Caller caller, String token, boolean sentAsBearerHeader) {}

    /** Runs first of the web filters (the request id, web/RequestId, is decided before any of them). */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 1;

    private final AccessRules rules;
    private final CachingJwtDecoder tokens;
    private final SecurityHeaders securityHeaders;
    private final CorsConfiguration cors;
    private final CorsProcessor corsProcessor = new DefaultCorsProcessor();

    GatewayGuard(AccessRules rules, CachingJwtDecoder tokens, SecurityHeaders securityHeaders, CorsConfiguration cors) {
        this.rules = rules;
        this.tokens = tokens;
        this.securityHeaders = securityHeaders;
        this.cors = cors;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!RequestFirewall.allows(request)) {
            return refuse(exchange);
        }
        securityHeaders.writeTo(exchange);
        HttpHeaders headers = request.getHeaders();
        String origin = headers.getFirst(HttpHeaders.ORIGIN);
        if (origin != null) {
            if (!HeaderCharacters.allowedInValue(origin)) {
                return refuse(exchange);
            }
            // Rejected (403) or a preflight: answered here, as Spring's CorsWebFilter answers them.
            if (!corsProcessor.process(cors, exchange) || CorsUtils.isPreFlightRequest(request)) {
                return Mono.empty();
            }
        }
        if (rules.isPublic(request)) {
            return chain.filter(exchange);
        }
        String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization != null && !HeaderCharacters.allowedInValue(authorization)) {
            return refuse(exchange);
        }
        TokenFromHeaderOrCookie.Token token = TokenFromHeaderOrCookie.read(request);
        if (token.value() == null) {
            return unauthorized(exchange);
        }
        return switch (tokens.lookup(token.value())) {
            case VerifiedTokens.Lookup.Known<Caller>(Caller caller) -> pass(exchange, chain, caller, token);
            case VerifiedTokens.Lookup.Expired<Caller>() -> unauthorized(exchange);
            case VerifiedTokens.Lookup.Unknown<Caller>() ->
                tokens.verify(token.value())
                        .onErrorResume(JwtException.class, invalid -> Mono.empty())
                        .map(caller -> pass(exchange, chain, caller, token))
                        .defaultIfEmpty(Mono.defer(() -> unauthorized(exchange)))
                        .flatMap(next -> next);
        };
    }

    private Mono<Void> pass(
            ServerWebExchange exchange, WebFilterChain chain, Caller caller, TokenFromHeaderOrCookie.Token token) {
        if (!rules.allows(exchange.getRequest(), caller.grants())) {
            return forbidden(exchange);
        }
        exchange.getAttributes().put(VERIFIED, new Verified(caller, token.value(), token.sentAsBearerHeader()));
        return chain.filter(exchange);
    }

    /** What Spring Security's firewall answered: a bare 400. */
    private static Mono<Void> refuse(ServerWebExchange exchange) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.BAD_REQUEST);
        return response.setComplete();
    }

    static Mono<Void> unauthorized(ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"hypertube\"");
        return ProblemResponses.write(
                exchange, HttpStatus.UNAUTHORIZED, "unauthorized", "Sign in first: this needs a valid access token.");
    }

    static Mono<Void> forbidden(ServerWebExchange exchange) {
        return ProblemResponses.write(
                exchange,
                HttpStatus.FORBIDDEN,
                "forbidden",
                "This token may not do that (an API client may only read).");
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
