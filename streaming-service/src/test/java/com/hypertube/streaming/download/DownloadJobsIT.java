package com.hypertube.streaming.download;

import static org.assertj.core.api.Assertions.assertThat;

import com.hypertube.contract.events.DownloadCompletedEvent;
import com.hypertube.contract.events.Events;
import com.hypertube.streaming.support.LoopbackSeeder;
import com.hypertube.streaming.support.ServiceClient;
import com.hypertube.testinfra.EventCapture;
import com.hypertube.testinfra.TestInfrastructure;
import com.hypertube.web.events.EventJson;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Jobs as users see them, cancelling, and the reconciler that re-sends what was stuck or interrupted. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestInfrastructure.class)
class DownloadJobsIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DownloadReconciler reconciler;

    @Autowired
    ConnectionFactory connections;

    @Autowired
    DiskSpaceWatch diskSpaceWatch;

    @Test
    void aJobStuckInPendingIsSentAgainAndCompletesAndSaysItIsReady() throws Exception {
        try (LoopbackSeeder seeder = LoopbackSeeder.of("clip.mp4", 500_000, 16_384);
                EventCapture completions = EventCapture.of(connections, Events.EXCHANGE, Events.DOWNLOAD_COMPLETED)) {
            UUID id = UUID.randomUUID();
            // A job whose message was lost: its row is there, PENDING for a while, and nothing consumes it.
            jdbc.sql(
                            "INSERT INTO download_jobs (id, info_hash, source, status, created_at, updated_at)"
                                    + " VALUES (?, ?, ?, 'PENDING', now() - interval '5 minutes', now() - interval '5 minutes')")
                    .params(id, seeder.infoHash(), seeder.magnet())
                    .update();

            reconciler.resendStuckJobs();

            String view = service().awaitJob(id.toString(), "COMPLETED");
            assertThat(view).contains("\"progress\":100").contains("\"readyToStream\":true");
            assertThat(service().sendAsAdmin("GET", "/api/downloads", null).body())
                    .contains(id.toString());
            // The other services are told (source-service ranks it first from now on).
            DownloadCompletedEvent completed = EventJson.read(
                    completions.next(Duration.ofSeconds(10)).orElseThrow(), DownloadCompletedEvent.class);
            assertThat(completed.infoHash()).isEqualTo(seeder.infoHash());
            assertThat(completed.name()).isEqualTo("clip.mp4");
            assertThat(completed.sizeBytes()).isEqualTo(500_000);
        }
    }

    @Test
    void aJobCanBeCancelledAndUnknownJobsAreProblems() throws Exception {
        // A torrent no peer has: the job stays unfinished until cancelled.
        String hash = ServiceClient.randomInfoHash();
        String id = ServiceClient.jobIdOf(service()
                .send("POST", "/api/stream", "{\"infoHash\":\"" + hash + "\"}")
                .body());

        HttpResponse<String> cancelled = service().send("DELETE", "/api/downloads/" + id, null);
        assertThat(cancelled.statusCode()).isEqualTo(204);
        assertThat(service().awaitJob(id, "CANCELLED")).contains("\"readyToStream\":false");

        HttpResponse<String> unknown = service().send("DELETE", "/api/downloads/" + UUID.randomUUID(), null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("urn:hypertube:problem:unknown-download");
        assertThat(service().send("GET", "/api/downloads/not-a-uuid", null).statusCode())
                .isEqualTo(400);
    }

    @Test
    void eachViewerSeesAndWithdrawsOnlyTheirOwnRequestAndTheLastOneStopsTheTorrent() throws Exception {
        String hash = ServiceClient.randomInfoHash();
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID carol = UUID.randomUUID();
        String body = "{\"infoHash\":\"" + hash + "\"}";
        String id = ServiceClient.jobIdOf(
                service().sendAs(alice, "POST", "/api/stream", body).body());
        assertThat(ServiceClient.jobIdOf(
                        service().sendAs(bob, "POST", "/api/stream", body).body()))
                .isEqualTo(id);

        assertThat(service().sendAs(alice, "GET", "/api/downloads", null).body())
                .contains(id);
        assertThat(service().sendAs(carol, "GET", "/api/downloads", null).body())
                .isEqualTo("[]");
        assertThat(service().sendAs(carol, "GET", "/api/downloads/" + id, null).statusCode())
                .isEqualTo(404);
        assertThat(service()
                        .sendAs(carol, "DELETE", "/api/downloads/" + id, null)
                        .statusCode())
                .isEqualTo(404);

        // Alice leaves: Bob still wants it, so it goes on.
        assertThat(service()
                        .sendAs(alice, "DELETE", "/api/downloads/" + id, null)
                        .statusCode())
                .isEqualTo(204);
        assertThat(service().sendAs(alice, "GET", "/api/downloads", null).body())
                .doesNotContain(id);
        assertThat(service().sendAs(bob, "GET", "/api/downloads/" + id, null).body())
                .doesNotContain("CANCELLED");
        // Bob leaves too: nobody wants it, the job is cancelled.
        assertThat(service().sendAs(bob, "DELETE", "/api/downloads/" + id, null).statusCode())
                .isEqualTo(204);
        assertThat(service().awaitJob(id, "CANCELLED")).contains(hash);
    }

    @Test
    void aDownloadPausedByAFullDiskGoesOnByItselfOnceThereIsRoom() throws Exception {
        try (LoopbackSeeder seeder = LoopbackSeeder.of("paused.mp4", 400_000, 16_384)) {
            UUID id = UUID.randomUUID();
            // What the worker records when the torrent reports DiskFull.
            jdbc.sql("INSERT INTO download_jobs (id, info_hash, source, status, error_message)"
                            + " VALUES (?, ?, ?, 'PAUSED', 'the disk is full: No space left on device')")
                    .params(id, seeder.infoHash(), seeder.magnet())
                    .update();
            assertThat(service()
                            .sendAsAdmin("GET", "/api/downloads/" + id, null)
                            .body())
                    .contains("\"status\":\"PAUSED\"")
                    .contains("No space left on device");
            // Pressing play joins the paused job rather than starting a second one.
            assertThat(ServiceClient.jobIdOf(service()
                            .send("POST", "/api/stream", "{\"magnet\":\"" + seeder.magnet() + "\"}")
                            .body()))
                    .isEqualTo(id.toString());

            assertThat(diskSpaceWatch.resumeIfRoom()).isGreaterThanOrEqualTo(1);

            assertThat(service().awaitJob(id.toString(), "COMPLETED")).contains("\"progress\":100");
        }
    }

    private ServiceClient service() {
        return new ServiceClient(port);
    }
}
