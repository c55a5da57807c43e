package com.hypertube.streaming.download;

import static org.assertj.core.api.Assertions.assertThat;

import com.hypertube.streaming.support.LoopbackSeeder;
import com.hypertube.streaming.support.ServiceClient;
import com.hypertube.testinfra.TestInfrastructure;
import com.hypertube.torrent.net.LinkProxy;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * A download whose only peer answers the handshake and then goes silent fails once nothing has arrived for
 * the stall timeout, so it does not hold a download slot for ever (review of the hardening work).
 */
@Tag("security")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hypertube.streaming.torrent.stall-timeout=3s", "hypertube.streaming.torrent.no-peers-timeout=60s"
        })
@Import(TestInfrastructure.class)
class StalledDownloadIT {

    @LocalServerPort
    int port;

    @Test
    void aPeerThatGoesSilentAfterItsHandshakeFailsTheJobAfterTheStallTimeout() throws Exception {
        try (LoopbackSeeder seeder = LoopbackSeeder.of("silent.mp4", 300_000, 16_384);
                LinkProxy silent = LinkProxy.to(seeder.port()).stallAfter(68).start()) {
            ServiceClient service = new ServiceClient(port);
            String job = service.play("magnet:?xt=urn:btih:" + seeder.infoHash() + "&x.pe=127.0.0.1:" + silent.port());

            String failed = service.awaitJob(job, "FAILED");

            assertThat(failed).contains("No data arrived for 3 s");
        }
    }
}
