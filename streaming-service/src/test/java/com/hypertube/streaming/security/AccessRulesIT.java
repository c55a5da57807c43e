package com.hypertube.streaming.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.hypertube.streaming.support.ServiceClient;
import com.hypertube.testinfra.TestInfrastructure;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Security regressions of the hardening issue (findings 2 and 3), straight to the service's port: nobody
 * identified is nobody's, an API client speaks for no user, a read-only token cannot change anything, and
 * what shows other users' activity is for those users and admins only.
 */
@Tag("security")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestInfrastructure.class)
class AccessRulesIT {

    private static final String[] API_CLIENT = {"X-Client-Id", "reader-1", "X-Token-Scope", "read"};

    @LocalServerPort
    int port;

    @Test
    void withoutAnIdentityEveryApiCallIsA401Problem() throws Exception {
        String job = ServiceClient.jobIdOf(service()
                .send("POST", "/api/stream", "{\"infoHash\":\"" + ServiceClient.randomInfoHash() + "\"}")
                .body());
        String[][] calls = {
            {"GET", "/api/downloads"},
            {"GET", "/api/downloads/" + job},
            {"DELETE", "/api/downloads/" + job},
            {"GET", "/api/torrents/cooldowns"},
            {"POST", "/api/stream"},
            {"GET", "/stream/proxy/" + ServiceClient.randomInfoHash()},
        };
        for (String[] call : calls) {
            HttpResponse<String> answer = service().sendWithHeaders(call[0], call[1], null);
            assertThat(answer.statusCode()).as("%s %s", call[0], call[1]).isEqualTo(401);
            assertThat(answer.body()).contains("urn:hypertube:problem:unauthorized");
        }
        // The job is still there: the anonymous DELETE changed nothing.
        assertThat(service().send("GET", "/api/downloads/" + job, null).body()).doesNotContain("CANCELLED");
    }

    @Test
    void anApiClientSeesNobodysDownloadsAndCannotStartOrCancelOne() throws Exception {
        String job = ServiceClient.jobIdOf(service()
                .send("POST", "/api/stream", "{\"infoHash\":\"" + ServiceClient.randomInfoHash() + "\"}")
                .body());

        assertThat(service()
                        .sendWithHeaders("GET", "/api/downloads", null, API_CLIENT)
                        .body())
                .isEqualTo("[]");
        assertThat(service()
                        .sendWithHeaders("GET", "/api/downloads/" + job, null, API_CLIENT)
                        .statusCode())
                .isEqualTo(404);
        HttpResponse<String> cancel = service().sendWithHeaders("DELETE", "/api/downloads/" + job, null, API_CLIENT);
        assertThat(cancel.statusCode()).isEqualTo(403);
        assertThat(cancel.body()).contains("urn:hypertube:problem:forbidden");
        HttpResponse<String> start = service()
                .sendWithHeaders(
                        "POST", "/api/stream", "{\"infoHash\":\"" + ServiceClient.randomInfoHash() + "\"}", API_CLIENT);
        assertThat(start.statusCode()).isEqualTo(403);
        // A user's token narrowed to reading is refused the same way.
        HttpResponse<String> readOnlyUser = service()
                .sendWithHeaders(
                        "POST",
                        "/api/stream",
                        "{\"infoHash\":\"" + ServiceClient.randomInfoHash() + "\"}",
                        "X-User-Id",
                        UUID.randomUUID().toString(),
                        "X-Token-Scope",
                        "read");
        assertThat(readOnlyUser.statusCode()).isEqualTo(403);
    }

    @Test
    void cooldownsAreForAdminsOnly() throws Exception {
        HttpResponse<String> asUser = service().send("GET", "/api/torrents/cooldowns", null);
        assertThat(asUser.statusCode()).isEqualTo(403);
        assertThat(asUser.body()).contains("urn:hypertube:problem:forbidden");
        assertThat(service()
                        .send("DELETE", "/api/torrents/cooldowns/" + ServiceClient.randomInfoHash(), null)
                        .statusCode())
                .isEqualTo(403);
        assertThat(service()
                        .sendWithHeaders("GET", "/api/torrents/cooldowns", null, API_CLIENT)
                        .statusCode())
                .isEqualTo(403);

        assertThat(service().sendAsAdmin("GET", "/api/torrents/cooldowns", null).statusCode())
                .isEqualTo(200);
        assertThat(service()
                        .sendAsAdmin("DELETE", "/api/torrents/cooldowns/" + ServiceClient.randomInfoHash(), null)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void aTorrentsDebugPanelIsForThoseWhoAskedForItAndAdmins() throws Exception {
        String hash = ServiceClient.randomInfoHash();
        UUID asker = UUID.randomUUID();
        assertThat(service()
                        .sendAs(asker, "POST", "/api/stream", "{\"infoHash\":\"" + hash + "\"}")
                        .statusCode())
                .isEqualTo(202);
        String debug = "/api/torrents/" + hash + "/debug";

        assertThat(service().sendAs(asker, "GET", debug, null).statusCode()).isEqualTo(200);
        assertThat(service().sendAsAdmin("GET", debug, null).statusCode()).isEqualTo(200);
        HttpResponse<String> stranger = service().sendAs(UUID.randomUUID(), "GET", debug, null);
        assertThat(stranger.statusCode()).isEqualTo(404);
        assertThat(stranger.body()).contains("urn:hypertube:problem:unknown-torrent");
        assertThat(service().sendWithHeaders("GET", debug, null, API_CLIENT).statusCode())
                .isEqualTo(404);
    }

    private ServiceClient service() {
        return new ServiceClient(port);
    }
}
