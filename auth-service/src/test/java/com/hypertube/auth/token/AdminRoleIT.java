package com.hypertube.auth.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.hypertube.auth.support.AuthApi;
import com.hypertube.auth.support.AuthIntegrationTest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Hardening issue, finding 3: the first account and HYPERTUBE_ADMINS are administrators, in their token. */
@Tag("security")
class AdminRoleIT extends AuthIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theFirstAccountAndTheNamedOnesAreAdminsAndNobodyElse() throws Exception {
        AuthApi api = api();
        api.register("earlier");
        String ordinary = api.register("ordinary");
        assertThat(api.post("/api/auth/register", AuthApi.registration("named_admin", "named_admin@example.org"))
                        .status())
                .isEqualTo(201);
        String first = jdbc.sql("SELECT username FROM auth.users ORDER BY created_at, id LIMIT 1")
                .query(String.class)
                .single();
        // Other tests may have changed that account's password: give it the known one (an ordinary user's hash).
        jdbc.sql("UPDATE auth.users SET password_hash = (SELECT password_hash FROM auth.users WHERE username = ?)"
                        + " WHERE username = ?")
                .params(ordinary, first)
                .update();

        assertThat(rolesOf(api.login(first).text("accessToken"))).containsExactly("admin");
        assertThat(rolesOf(api.login("named_admin").text("accessToken"))).containsExactly("admin");
        // Registered after another account, so never the first: an ordinary user.
        assertThat(rolesOf(api.login(ordinary).text("accessToken"))).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static List<String> rolesOf(String jwt) {
        Map<String, Object> claims =
                AuthApi.JSON.readValue(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), Map.class);
        return (List<String>) claims.get("roles");
    }
}
