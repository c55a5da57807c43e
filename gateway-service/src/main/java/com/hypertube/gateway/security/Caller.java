package com.hypertube.gateway.security;

import com.hypertube.contract.Roles;
import com.hypertube.contract.Scopes;
import com.hypertube.contract.TokenClaims;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

/**
 * Who a verified token speaks for, worked out once per token (the token cache keeps it) rather than on every
 * request: what it may do, and the identity headers the services get.
 *
 * @param jwt the verified token
 * @param grants what it may do ({@link AccessRules})
 * @param userId {@code X-User-Id}: a user's id (null for an API client's or a service's token)
 * @param clientId {@code X-Client-Id}: an API client's id (null for a user's token)
 * @param userName {@code X-User-Name}
 * @param roles {@code X-User-Roles}, comma-separated (null when none)
 * @param scope {@code X-Token-Scope}
 */
record Caller(
        Jwt jwt,
        AccessRules.Grants grants,
        String userId,
        String clientId,
        String userName,
        String roles,
        String scope) {

    // Scopes read as Spring Security's resource server reads them ("scope" or "scp", a string or a list).
    private static final JwtGrantedAuthoritiesConverter AUTHORITIES = new JwtGrantedAuthoritiesConverter();

    static Caller of(Jwt jwt) {
        Collection<GrantedAuthority> authorities = AUTHORITIES.convert(jwt);
        boolean user = AccessRules.hasAuthority(authorities, "SCOPE_" + Scopes.USER);
        boolean read = AccessRules.hasAuthority(authorities, "SCOPE_" + Scopes.READ);
        List<String> roles = jwt.getClaimAsStringList(TokenClaims.ROLES);
        boolean admin = user && roles != null && roles.contains(Roles.ADMIN);
        String subject = jwt.getSubject();
        boolean client = TokenClaims.isClient(subject);
        return new Caller(
                jwt,
                new AccessRules.Grants(user, read, admin),
                client ? null : subject,
                client ? subject.substring(TokenClaims.CLIENT_SUBJECT_PREFIX.length()) : null,
                client ? null : jwt.getClaimAsString(TokenClaims.NAME),
                roles == null || roles.isEmpty() ? null : String.join(",", roles),
                jwt.getClaimAsString(TokenClaims.SCOPE));
    }
}
