package com.hypertube.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import jakarta.servlet.http.Cookie;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The services' own token check, against a JWKS served on loopback. */
class AccessTokenFilterTest {

    private static RSAKey key;
    private static HttpServer jwks;
    private static AccessTokenFilter filter;

    /** The verifier's clock: the tests move it instead of waiting. */
    private static final java.util.concurrent.atomic.AtomicReference<Instant> NOW =
            new java.util.concurrent.atomic.AtomicReference<>(Instant.now());

    @BeforeAll
    static void publishKeys() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("k1").generate();
        byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwks.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        jwks.start();
        filter = new AccessTokenFilter(
                AccessTokenFilter.fromToken(new TokenVerifier(
                        URI.create("http://127.0.0.1:" + jwks.getAddress().getPort() + "/.well-known/jwks.json"),
                        "hypertube",
                        "hypertube",
                        () -> NOW.get())),
                AccessTokenFilter.DEFAULT_PUBLIC_PATHS,
                "test-service");
    }

    @AfterAll
    static void stop() {
        jwks.stop(0);
    }

    @Test
    void aValidTokenPassesWithItsSubject() throws Exception {
        String user = UUID.randomUUID().toString();
        MockHttpServletRequest request = request("GET", "/api/movies");
        request.addHeader("Authorization", "Bearer " + token(key, user, "hypertube", 300));
        request.addHeader("X-User-Id", user);

        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isNotNull();
        Caller caller = (Caller) request.getAttribute(Caller.ATTRIBUTE);
        assertThat(caller.userId()).hasValue(UUID.fromString(user));
        assertThat(caller.isUser()).isTrue();
        assertThat(caller.isAdmin()).isFalse();
    }

    @Test
    void missingForgedExpiredOrMismatchedTokensAre401Problems() throws Exception {
        RSAKey other = new RSAKeyGenerator(2048).keyID("k1").generate();
        String user = UUID.randomUUID().toString();
        String[][] cases = {
            {"none", null},
            {"other key", token(other, user, "hypertube", 300)},
            {"expired", token(key, user, "hypertube", -300)},
            {"wrong audience", token(key, user, "elsewhere", 300)},
            {"garbage", "a.b.c"},
            // A valid token with a character no token has: refused, not trimmed away.
            {"control character", token(key, user, "hypertube", 300) + "\u0007"},
            {"space inside", token(key, user, "hypertube", 300).replaceFirst("\\.", ". ")},
            {"other user header", token(key, user, "hypertube", 300)},
        };
        for (String[] testCase : cases) {
            MockHttpServletRequest request = request("GET", "/api/stream/abc/0");
            if (testCase[1] != null) {
                request.addHeader("Authorization", "Bearer " + testCase[1]);
            }
            if (testCase[0].equals("other user header")) {
                request.addHeader("X-User-Id", UUID.randomUUID().toString());
            }
            MockHttpServletResponse response = new MockHttpServletResponse();
            MockFilterChain chain = new MockFilterChain();

            filter.doFilter(request, response, chain);

            assertThat(response.getStatus()).as(testCase[0]).isEqualTo(401);
            assertThat(response.getContentType()).isEqualTo("application/problem+json");
            assertThat(response.getContentAsString()).contains("urn:hypertube:problem:unauthorized", "test-service");
            assertThat(chain.getRequest()).as(testCase[0]).isNull();
        }
    }

    @Test
    void aRememberedTokenStopsWorkingWhenItExpires() throws Exception {
        String token = token(key, UUID.randomUUID().toString(), "hypertube", 2);
        MockHttpServletRequest first = request("GET", "/api/movies");
        first.addHeader("Authorization", "Bearer " + token);
        MockHttpServletResponse firstResponse = new MockHttpServletResponse();
        filter.doFilter(first, firstResponse, new MockFilterChain());
        assertThat(firstResponse.getStatus()).isEqualTo(200);

        NOW.set(Instant.now().plusSeconds(3)); // past its expiry, for the verifier's memory of it

        MockHttpServletRequest later = request("GET", "/api/movies");
        later.addHeader("Authorization", "Bearer " + token);
        MockHttpServletResponse laterResponse = new MockHttpServletResponse();
        filter.doFilter(later, laterResponse, new MockFilterChain());
        assertThat(laterResponse.getStatus()).isEqualTo(401);
    }

    @Test
    void theCookieAuthorizesReadsOnlyAndHealthIsNotGuarded() throws Exception {
        String token = token(key, UUID.randomUUID().toString(), "hypertube", 300);
        MockHttpServletRequest read = request("GET", "/stream/proxy/abc");
        read.setCookies(new Cookie("ht_access", token));
        MockHttpServletRequest write = request("DELETE", "/api/downloads/1");
        write.setCookies(new Cookie("ht_access", token));
        MockHttpServletRequest health = request("GET", "/actuator/health");

        MockHttpServletResponse readResponse = new MockHttpServletResponse();
        MockHttpServletResponse writeResponse = new MockHttpServletResponse();
        MockHttpServletResponse healthResponse = new MockHttpServletResponse();
        filter.doFilter(read, readResponse, new MockFilterChain());
        filter.doFilter(write, writeResponse, new MockFilterChain());
        filter.doFilter(health, healthResponse, new MockFilterChain());

        assertThat(readResponse.getStatus()).isEqualTo(200);
        assertThat(writeResponse.getStatus()).isEqualTo(401);
        assertThat(healthResponse.getStatus()).isEqualTo(200);
    }

    private static MockHttpServletRequest request(String method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setRequestURI(path);
        return request;
    }

    private static String token(RSAKey signer, String subject, String audience, long secondsLeft) throws Exception {
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(signer.getKeyID())
                        .build(),
                new JWTClaimsSet.Builder()
                        .subject(subject)
                        .issuer("hypertube")
                        .audience(audience)
                        .claim("scope", "user")
                        .issueTime(Date.from(now.minusSeconds(600)))
                        .expirationTime(Date.from(now.plusSeconds(secondsLeft)))
                        .build());
        jwt.sign(new RSASSASigner(signer));
        return jwt.serialize();
    }
}
