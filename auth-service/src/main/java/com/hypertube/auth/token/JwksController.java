package com.hypertube.auth.token;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public halves of the signing keys as a JWK Set (RFC 7517), for whoever verifies our tokens. */
@RestController
class JwksController {

    private final SigningKeys keys;

    JwksController(SigningKeys keys) {
        this.keys = keys;
    }

    @GetMapping(path = "/.well-known/jwks.json", produces = "application/jwk-set+json")
    ResponseEntity<Map<String, Object>> jwks() {
        List<Map<String, String>> published =
                keys.all().stream().map(JwksController::jwk).toList();
        // Verifiers may cache it a little; they fetch again when they meet an unknown kid.
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(Map.of("keys", published));
    }

    private static Map<String, String> jwk(SigningKey key) {
        Map<String, String> jwk = new LinkedHashMap<>();
        jwk.put("kty", "RSA");
        jwk.put("use", "sig");
        jwk.put("alg", "RS256");
        jwk.put("kid", key.kid());
        jwk.put("n", base64Url(key.publicKey().getModulus()));
        jwk.put("e", base64Url(key.publicKey().getPublicExponent()));
        return jwk;
    }

    // RFC 7518 §6.3.1: unsigned big-endian, no leading zero byte.
    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        int start = bytes.length > 1 && bytes[0] == 0 ? 1 : 0;
        byte[] unsigned = java.util.Arrays.copyOfRange(bytes, start, bytes.length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(unsigned);
    }
}
