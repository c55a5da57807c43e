package com.hypertube.auth.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.hypertube.auth.support.AuthApi;
import com.hypertube.auth.support.AuthApi.Answer;
import com.hypertube.auth.support.AuthIntegrationTest;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.PublicJwk;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every forged or stale token is refused with 401 problem+json; the genuine one verifies via the JWKS. */
class AccessTokenAttackIT extends AuthIntegrationTest {

    @Test
    void theJwksVerifiesIssuedTokens() throws Exception {
        AuthApi api = api();
        String token = api.login(api.register("jwks")).text("accessToken");
        Answer jwks = api.get("/.well-known/jwks.json", null);

        assertThat(jwks.status()).isEqualTo(200);
        assertThat(jwks.header("Content-Type")).startsWith("application/jwk-set+json");
        String jwkJson = AuthApi.JSON.writeValueAsString(jwks.json().get("keys").get(0));
        PublicJwk<?> jwk = (PublicJwk<?>) Jwks.parser().build().parse(jwkJson);
        var claims = Jwts.parser()
                .verifyWith((PublicKey) jwk.toKey())
                .build()
                .parseSignedClaims(token)
                .getPayload();
        assertThat(claims.getIssuer()).isEqualTo("hypertube");
        assertThat(claims.getAudience()).containsExactly("hypertube");
        assertThat(claims.get("scope")).isEqualTo("user");
        assertThat(jwk.getId()).isEqualTo(headerOf(token).get("kid"));
        assertThat(jwks.json().get("keys").get(0).has("d"))
                .as("no private part")
                .isFalse();
    }

    @Test
    void forgedOrStaleTokensAreRefused() throws Exception {
        AuthApi api = api();
        String username = api.register("mallory");
        String genuine = api.login(username).text("accessToken");
        String subject = (String) payloadOf(genuine).get("sub");
        String kid = (String) headerOf(genuine).get("kid");
        var otherKey = SigningKeys.generate();

        String unsigned = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "."
                + base64(AuthApi.JSON.writeValueAsString(payloadOf(genuine))) + ".";
        String otherKeySameKid = Jwts.builder()
                .header()
                .keyId(kid)
                .and()
                .issuer("hypertube")
                .audience()
                .add("hypertube")
                .and()
                .subject(subject)
                .claim("name", username)
                .claim("scope", "user")
                .expiration(Date.from(java.time.Instant.now().plusSeconds(600)))
                .signWith(otherKey.privateKey(), Jwts.SIG.RS256)
                .compact();
        String[] parts = genuine.split("\\.");
        Map<String, Object> payload = new java.util.HashMap<>(payloadOf(genuine));
        payload.put("sub", UUID.randomUUID().toString());
        String tampered = parts[0] + "." + base64(AuthApi.JSON.writeValueAsString(payload)) + "." + parts[2];
        String hmacWithPublicKey = Jwts.builder()
                .header()
                .keyId(kid)
                .and()
                .issuer("hypertube")
                .audience()
                .add("hypertube")
                .and()
                .subject(subject)
                .expiration(Date.from(java.time.Instant.now().plusSeconds(600)))
                .signWith(io.jsonwebtoken.security.Keys.hmacShaKeyFor(
                        java.util.Arrays.copyOf(kid.getBytes(StandardCharsets.UTF_8), 32)))
                .compact();

        assertThat(api.get("/api/users/me", genuine).status()).isEqualTo(200);
        for (String forged : new String[] {unsigned, otherKeySameKid, tampered, hmacWithPublicKey, "not.a.jwt", ""}) {
            Answer answer = api.get("/api/users/me", forged);
            assertThat(answer.status()).as(forged).isEqualTo(401);
            assertThat(answer.text("type")).isEqualTo("urn:hypertube:problem:unauthorized");
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        }
        // Signed by us but for another audience (an OAuth state envelope) is not an access token either.
        assertThat(api.get("/api/users/me", sealedEnvelope()).status()).isEqualTo(401);
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        AuthApi api = api();
        String token = api.login(api.register("stale")).text("accessToken");

        clock.advance(Duration.ofMinutes(16));

        assertThat(api.get("/api/users/me", token).status()).isEqualTo(401);
    }

    @Test
    void aForwardedUserIdThatDisagreesWithTheTokenIsRefused() throws Exception {
        AuthApi api = api();
        String token = api.login(api.register("spoof")).text("accessToken");

        Answer answer = api.send(
                "GET",
                "/api/users/me",
                null,
                Map.of(
                        "Authorization",
                        "Bearer " + token,
                        "X-User-Id",
                        UUID.randomUUID().toString()));

        assertThat(answer.status()).isEqualTo(401);
    }

    @org.springframework.beans.factory.annotation.Autowired
    AccessTokens tokens;

    private String sealedEnvelope() {
        return tokens.seal("oauth-state", Map.of("state", "x"), Duration.ofMinutes(5));
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> headerOf(String jwt) {
        return AuthApi.JSON.readValue(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]), Map.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> payloadOf(String jwt) {
        return AuthApi.JSON.readValue(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), Map.class);
    }
}
