package com.hypertube.streaming.cooldown;

import static org.assertj.core.api.Assertions.assertThat;

import com.hypertube.streaming.support.ServiceClient;
import com.hypertube.testinfra.TestInfrastructure;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Seed 004, fixed properly: a torrent no peer has fails with its reason, the waiting request gets a 404
 * no-peers, the torrent goes on a persisted cooldown (503 + Retry-After while it lasts), and an admin can
 * list and clear cooldowns. (Tests run with a 3 s no-peers timeout and a 5 s metadata wait.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestInfrastructure.class)
class CooldownIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aTorrentNoPeerHasFailsGoesOnCooldownAndCanBeClearedByAnAdmin() throws Exception {
        Random random = new Random();
        String hash = HexFormat.of()
                .formatHex(
                        ByteBuffer.allocate(24)
                                .putLong(random.nextLong())
                                .putLong(random.nextLong())
                                .putLong(random.nextLong())
                                .array(),
                        0,
                        20);
        String start = "{\"infoHash\":\"" + hash + "\"}";
        HttpResponse<String> started = send("POST", "/api/stream", start);
        assertThat(started.statusCode()).isEqualTo(202);
        String jobId = started.body().replaceAll(".*\"jobId\":\"([^\"]+)\".*", "$1");

        HttpResponse<String> waiting = send("GET", "/api/stream/" + hash + "/0", null);
        assertThat(waiting.statusCode()).isEqualTo(404);
        assertThat(waiting.body()).contains("urn:hypertube:problem:no-peers");

        String job = awaitJob(jobId, "FAILED");
        assertThat(job).contains("No peer could be reached within 3 s");
        assertThat(jdbc.sql("SELECT reason FROM torrent_cooldowns WHERE info_hash = ?")
                        .param(hash)
                        .query(String.class)
                        .single())
                .as("the cooldown is in the database, so a restart remembers it")
                .isEqualTo("no-peers");

        HttpResponse<String> refused = send("POST", "/api/stream", start);
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.body()).contains("urn:hypertube:problem:cooldown").contains("\"reason\":\"no-peers\"");
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(250L, 300L);
        assertThat(send("GET", "/api/stream/" + hash + "/0", null).statusCode()).isEqualTo(503);
        assertThat(admin().sendAsAdmin("GET", "/api/torrents/cooldowns", null).body())
                .contains(hash);

        assertThat(admin().sendAsAdmin("DELETE", "/api/torrents/cooldowns/" + hash, null)
                        .statusCode())
                .isEqualTo(204);
        HttpResponse<String> again = admin().sendAsAdmin("DELETE", "/api/torrents/cooldowns/" + hash, null);
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(again.body()).contains("urn:hypertube:problem:no-cooldown");
        HttpResponse<String> retried = send("POST", "/api/stream", start);
        assertThat(retried.statusCode()).isEqualTo(202);
        assertThat(retried.body()).doesNotContain(jobId);
    }

    private ServiceClient admin() {
        return new ServiceClient(port);
    }

    private HttpResponse<String> send(String method, String path, String json) throws Exception {
        return new ServiceClient(port).send(method, path, json);
    }

    private String awaitJob(String jobId, String status) throws Exception {
        return new ServiceClient(port).awaitJob(jobId, status);
    }
}
