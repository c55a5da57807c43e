package com.hypertube.web;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Defence in depth: a service checks the access token itself, as the gateway did, so a request that
 * reaches it some other way (a misrouted port, a compromised neighbour) carries no identity it did not
 * prove. The token is the Bearer header (the gateway adds it when the browser used the cookie) or, for
 * GET and HEAD, the {@code ht_access} cookie. {@code X-User-Id}, when present, must name the token's user.
 * Only {@code /api/**} and {@code /stream/**} are guarded: health, metrics and API docs are not user data.
 *
 * <p>On when {@code hypertube.security.jwks-uri} is set; the verified subject is in the request attribute
 * {@link #SUBJECT}.
 */
public class AccessTokenFilter extends OncePerRequestFilter {

    public static final String SUBJECT = AccessTokenFilter.class.getName() + ".subject";
    public static final String SCOPE = AccessTokenFilter.class.getName() + ".scope";

    private static final int MAX_REMEMBERED = 10_000;

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final ConcurrentHashMap<String, JWTClaimsSet> verified = new ConcurrentHashMap<>();
    private final String serviceName;

    public AccessTokenFilter(URI jwksUri, String issuer, String audience, String serviceName) {
        this.serviceName = serviceName;
        try {
            JWKSource<SecurityContext> keys =
                    JWKSourceBuilder.create(jwksUri.toURL()).retrying(true).build();
            processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("hypertube.security.jwks-uri is not a URL: " + jwksUri, e);
        }
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                audience, new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("sub", "exp", "iat")));
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !(path.startsWith("/api/") || path.startsWith("/stream/")) || "OPTIONS".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<JWTClaimsSet> claims = AccessTokens.of(request).flatMap(this::verify);
        String forwardedUser = request.getHeader("X-User-Id");
        if (claims.isEmpty()
                || (forwardedUser != null && !forwardedUser.equals(claims.get().getSubject()))) {
            unauthorized(request, response);
            return;
        }
        request.setAttribute(SUBJECT, claims.get().getSubject());
        request.setAttribute(SCOPE, String.valueOf(claims.get().getClaim("scope")));
        chain.doFilter(request, response);
    }

    // A player sends the same token with every range request for 15 minutes: a token verified once is
    // remembered until it expires (the signature covers the string, so only the clock needs asking again).
    // Failures are not remembered; past MAX_REMEMBERED tokens the memory starts over.
    private Optional<JWTClaimsSet> verify(String token) {
        JWTClaimsSet known = verified.get(token);
        if (known != null) {
            if (known.getExpirationTime().toInstant().isAfter(Instant.now())) {
                return Optional.of(known);
            }
            verified.remove(token);
            return Optional.empty();
        }
        try {
            JWTClaimsSet claims = processor.process(token, null);
            if (verified.size() >= MAX_REMEMBERED) {
                verified.clear();
            }
            verified.put(token, claims);
            return Optional.of(claims);
        } catch (Exception e) { // parse, signature, claims or key-fetch failure: no identity either way
            return Optional.empty();
        }
    }

    private void unauthorized(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Bearer realm=\"hypertube\"");
        response.setContentType("application/problem+json");
        String body = "{\"type\":\"" + ProblemTypes.UNAUTHORIZED + "\",\"title\":\"Unauthorized\",\"status\":401,"
                + "\"detail\":\"Sign in first: this needs a valid access token.\",\"instance\":\""
                + request.getRequestURI().replaceAll("[^A-Za-z0-9/._~-]", "") + "\",\"service\":\"" + serviceName
                + "\",\"requestId\":\"" + String.valueOf(RequestId.current()).replaceAll("[^A-Za-z0-9._-]", "") + "\"}";
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }
}
