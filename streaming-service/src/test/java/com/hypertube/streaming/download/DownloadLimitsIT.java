package com.hypertube.streaming.download;

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
 * Hardening issue, finding 4: how many downloads may be under way, per user and for everyone. The torrents
 * have no peer, so their jobs stay under way for the no-peers timeout (a minute here).
 */
@Tag("security")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "hypertube.streaming.limits.active-downloads-per-user=2",
            "hypertube.streaming.limits.active-downloads=3",
            "hypertube.streaming.torrent.no-peers-timeout=60s"
        })
@Import(TestInfrastructure.class)
class DownloadLimitsIT {

    @LocalServerPort
    int port;

    @Test
    void aUserPastTheirLimitAndEveryonePastTheServersGetA429AndJoiningStillWorks() throws Exception {
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        String first = ServiceClient.randomInfoHash();
        assertThat(play(alice, first).statusCode()).isEqualTo(202);
        assertThat(play(alice, ServiceClient.randomInfoHash()).statusCode()).isEqualTo(202);

        HttpResponse<String> third = play(alice, ServiceClient.randomInfoHash());
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(third.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(third.body()).contains("urn:hypertube:problem:too-many-downloads", "2 downloads under way");
        // Joining a download under way starts nothing new: Bob may, and so may Alice again.
        assertThat(play(bob, first).statusCode()).isEqualTo(202);
        assertThat(play(alice, first).statusCode()).isEqualTo(202);

        assertThat(play(bob, ServiceClient.randomInfoHash()).statusCode()).isEqualTo(202); // the server's third
        HttpResponse<String> fourth = play(UUID.randomUUID(), ServiceClient.randomInfoHash());
        assertThat(fourth.statusCode()).isEqualTo(429);
        assertThat(fourth.body()).contains("3 downloads under way");
    }

    private HttpResponse<String> play(UUID user, String hash) throws Exception {
        return new ServiceClient(port).sendAs(user, "POST", "/api/stream", "{\"infoHash\":\"" + hash + "\"}");
    }
}
