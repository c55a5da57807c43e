package com.hypertube.source.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hypertube.contract.events.DownloadCompletedEvent;
import com.hypertube.contract.events.Events;
import com.hypertube.source.FakeProvider;
import com.hypertube.source.SourceTestConfiguration;
import com.hypertube.source.provider.FoundSource;
import com.hypertube.web.events.EventPublisher;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * streaming-service's {@code download.completed} event, through the real broker, puts that torrent first in its
 * title's sources; a message that is not such an event is set aside and the next one still counts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SourceTestConfiguration.class)
class DownloadedHereIT {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    FakeProvider alpha;

    @Autowired
    EventPublisher events;

    @Autowired
    RabbitTemplate rabbit;

    @Test
    void aTorrentCompleteOnThisServerRanksFirstWithItsReason() throws Exception {
        FoundSource healthy = source("Here.2019.1080p.WEB-DL.AAC.H264-A.mp4", 400);
        FoundSource modest = source("Here.2019.720p.WEB-DL.AAC.H264-B.mp4", 3);
        alpha.offer("tt0000555", List.of(healthy, modest));
        assertThat(names()).containsExactly(healthy.releaseName(), modest.releaseName());

        // Junk first, straight onto the exchange: it must neither stop the listener nor be retried for ever.
        rabbit.send(
                Events.EXCHANGE,
                Events.DOWNLOAD_COMPLETED,
                MessageBuilder.withBody("not json".getBytes(StandardCharsets.UTF_8))
                        .build());
        assertThat(events.publish(new DownloadCompletedEvent(modest.infoHash(), "Here", 1L << 30, Instant.now())))
                .isTrue();

        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> names().getFirst().equals(modest.releaseName()));
        JsonNode first = sources().get(0);
        assertThat(first.get("reasons").get(0).asString()).isEqualTo("already on this server: starts at once");
        assertThat(sources().get(1).get("reasons").valueStream().map(JsonNode::asString))
                .doesNotContain("already on this server: starts at once");
    }

    private List<String> names() throws Exception {
        return sources().valueStream().map(s -> s.get("name").asString()).toList();
    }

    private JsonNode sources() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/sources/movies/tt0000555?title=Here"))
                .timeout(Duration.ofSeconds(10))
                .header("X-User-Id", UUID.randomUUID().toString())
                .header("X-User-Name", "tester")
                .GET()
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("sources");
    }

    private static FoundSource source(String name, int seeders) {
        String hash = "%040x".formatted(name.hashCode() & 0xffffffffL);
        return new FoundSource(
                hash,
                "magnet:?xt=urn:btih:" + hash,
                name,
                2L << 30,
                seeders,
                3,
                "Alpha",
                List.of("http://127.0.0.1:9/announce"),
                null,
                null,
                null);
    }
}
