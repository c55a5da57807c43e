package com.hypertube.auth.token;

import com.hypertube.auth.AuthProperties;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The RSA keys that sign access tokens. A key configured in the environment is used as is; otherwise the
 * newest key in the database signs, and one is generated there on first start (under a lock, so two
 * instances starting together agree on one key). Every unretired key verifies and is published in the
 * JWKS, so retiring a key after adding a new one signs nobody out.
 */
@Component
public class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    private static final long GENERATION_LOCK = 0x48545f4b455953L; // "HT_KEYS"

    private final List<SigningKey> keys;

    SigningKeys(AuthProperties properties, JdbcClient jdbc, TransactionTemplate transactions) {
        String configured = properties.tokens().signingKey();
        this.keys = configured != null && !configured.isBlank()
                ? List.of(fromPem(configured))
                : transactions.execute(status -> loadOrGenerate(jdbc));
    }

    /** The key that signs new tokens. */
    public SigningKey current() {
        return keys.getFirst();
    }

    /** Every key whose tokens are still accepted, the signing one first. */
    public List<SigningKey> all() {
        return keys;
    }

    public Optional<SigningKey> find(String kid) {
        return keys.stream().filter(key -> key.kid().equals(kid)).findFirst();
    }

    private static List<SigningKey> loadOrGenerate(JdbcClient jdbc) {
        jdbc.sql("SELECT pg_advisory_xact_lock(?)")
                .param(GENERATION_LOCK)
                .query()
                .singleRow();
        List<SigningKey> stored = jdbc.sql(
                        "SELECT kid, private_key, public_key FROM signing_keys WHERE retired_at IS NULL"
                                + " ORDER BY created_at DESC")
                .query((rs, row) -> decode(rs.getString(1), rs.getBytes(2), rs.getBytes(3)))
                .list();
        if (!stored.isEmpty()) {
            return stored;
        }
        SigningKey generated = generate();
        jdbc.sql("INSERT INTO signing_keys (kid, private_key, public_key) VALUES (?, ?, ?)")
                .params(
                        generated.kid(),
                        generated.privateKey().getEncoded(),
                        generated.publicKey().getEncoded())
                .update();
        log.info("Generated a token signing key {} and stored it in the database", generated.kid());
        return List.of(generated);
    }

    static SigningKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var pair = generator.generateKeyPair();
            RSAPublicKey publicKey = (RSAPublicKey) pair.getPublic();
            return new SigningKey(kidOf(publicKey), (RSAPrivateKey) pair.getPrivate(), publicKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate an RSA key", e);
        }
    }

    static SigningKey fromPem(String pem) {
        String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            KeyFactory factory = KeyFactory.getInstance("RSA");
            var privateKey = (RSAPrivateCrtKey) factory.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            var publicKey = (RSAPublicKey) factory.generatePublic(
                    new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            return new SigningKey(kidOf(publicKey), privateKey, publicKey);
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException(
                    "AUTH_SIGNING_KEY is not a PKCS#8 PEM RSA private key (openssl genpkey -algorithm RSA)", e);
        }
    }

    private static SigningKey decode(String kid, byte[] privateKey, byte[] publicKey) {
        try {
            KeyFactory factory = KeyFactory.getInstance("RSA");
            return new SigningKey(
                    kid, (RSAPrivateKey) factory.generatePrivate(new PKCS8EncodedKeySpec(privateKey)), (RSAPublicKey)
                            factory.generatePublic(new X509EncodedKeySpec(publicKey)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The signing key " + kid + " in the database cannot be read", e);
        }
    }

    // A kid derived from the public key: the same key always gets the same id, on every instance.
    private static String kidOf(RSAPublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
