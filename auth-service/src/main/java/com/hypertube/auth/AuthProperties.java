package com.hypertube.auth;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the auth service, bound from {@code hypertube.auth.*}.
 *
 * @param publicUrl where users reach Hypertube (the gateway): links in mails and OAuth redirects point there
 * @param tokens access and refresh tokens
 * @param passwords hashing and reset
 * @param cookies how the browser keeps its tokens
 * @param mail where password reset mails go when no SMTP server is configured
 * @param throttle the back-off after failed sign-ins and resets
 * @param oauth the OAuth2 providers users may sign in with, by name; one without a client id is off
 */
@Validated
@ConfigurationProperties("hypertube.auth")
public record AuthProperties(
        @NotNull URI publicUrl,
        @Valid @NotNull Tokens tokens,
        @Valid @NotNull Passwords passwords,
        @Valid @NotNull Cookies cookies,
        @Valid @NotNull Mail mail,
        @Valid @NotNull Throttle throttle,
        Map<String, @Valid OAuthProvider> oauth) {

    public AuthProperties {
        oauth = oauth == null ? Map.of() : Map.copyOf(oauth);
    }

    /** The public URL without a trailing slash, to append paths to. */
    public String publicBase() {
        return publicUrl.toString().replaceAll("/+$", "");
    }

    /**
     * @param issuer the {@code iss} of every token; the gateway checks it
     * @param audience the {@code aud} of every token; the gateway checks it
     * @param accessTtl how long an access token lives: short, since it cannot be revoked
     * @param refreshTtl how long a refresh token lives unused
     * @param reuseGrace how long a just-replaced refresh token may still be presented (two tabs refreshing
     *     at once) before presenting it counts as theft
     * @param signingKey a PKCS#8 PEM RSA private key; empty: one is generated and kept in the database
     */
    public record Tokens(
            @NotBlank String issuer,
            @NotBlank String audience,
            @NotNull Duration accessTtl,
            @NotNull Duration refreshTtl,
            @NotNull Duration reuseGrace,
            String signingKey) {}

    /**
     * @param bcryptCost the bcrypt work factor (each step doubles the time of a sign-in)
     * @param resetTtl how long a password reset link works
     */
    public record Passwords(
            @Min(4) @Max(31) int bcryptCost, @NotNull Duration resetTtl) {}

    /** @param secure send cookies only over HTTPS (browsers treat http://localhost as secure too) */
    public record Cookies(boolean secure) {}

    /**
     * @param from the sender of mails
     * @param outbox where mails are written when no SMTP server is configured ({@code spring.mail.host})
     */
    public record Mail(@NotBlank String from, @NotNull Path outbox) {}

    /**
     * @param freeAttempts failures allowed before the back-off starts
     * @param firstLockout the first wait; each further failure doubles it
     * @param maxLockout the longest wait
     */
    public record Throttle(
            @Positive int freeAttempts,
            @NotNull Duration firstLockout,
            @NotNull Duration maxLockout) {}

    /**
     * An OAuth2 provider (authorization-code flow). Adding one is configuration only.
     *
     * @param clientId empty: the provider is off
     * @param clientSecret from the environment only
     * @param authorizationUri where the browser is sent to consent
     * @param tokenUri where the code is exchanged for the provider's access token
     * @param userInfoUri where the provider's user is read
     * @param emailsUri optional list of the user's addresses with a verified flag (GitHub's /user/emails)
     * @param scopes what to ask for
     * @param idAttribute the stable user id in the user info
     * @param loginAttribute a suggested username
     * @param emailAttribute the email in the user info
     * @param emailTrusted whether the provider verifies {@code emailAttribute} (42 does: school addresses)
     * @param firstNameAttribute the first name, if the provider has one
     * @param lastNameAttribute the last name, if the provider has one
     * @param nameAttribute a full name to split when there is no first/last name
     */
    public record OAuthProvider(
            String clientId,
            String clientSecret,
            @NotNull URI authorizationUri,
            @NotNull URI tokenUri,
            @NotNull URI userInfoUri,
            URI emailsUri,
            List<String> scopes,
            @NotBlank String idAttribute,
            String loginAttribute,
            String emailAttribute,
            boolean emailTrusted,
            String firstNameAttribute,
            String lastNameAttribute,
            String nameAttribute) {

        public boolean enabled() {
            return clientId != null && !clientId.isBlank();
        }
    }
}
