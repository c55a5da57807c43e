package com.hypertube.web.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hypertube.contract.events.DownloadCompletedEvent;
import com.hypertube.contract.events.TitleWatchedEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.AmqpRejectAndDontRequeueException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;

class EventJsonTest {

    private static final String HASH = "0123456789abcdef0123456789abcdef01234567";

    @Test
    void anEventReadsBackAsWrittenWithIsoDates() {
        TitleWatchedEvent event = new TitleWatchedEvent(
                UUID.randomUUID(), UUID.randomUUID(), 1, 2, Instant.parse("2026-12-01T10:00:00.5Z"));
        byte[] json = EventJson.write(event);

        assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"watchedAt\":\"2026-12-01T10:00:00.500Z\"");
        assertThat(EventJson.read(message(json), TitleWatchedEvent.class)).isEqualTo(event);
    }

    @Test
    void fieldsAListenerDoesNotKnowAreIgnored() {
        String json = "{\"infoHash\":\"" + HASH + "\",\"name\":\"Film\",\"sizeBytes\":3,"
                + "\"completedAt\":\"2026-12-01T10:00:00Z\",\"addedLater\":true}";

        assertThat(EventJson.read(message(json.getBytes(StandardCharsets.UTF_8)), DownloadCompletedEvent.class))
                .isEqualTo(new DownloadCompletedEvent(HASH, "Film", 3, Instant.parse("2026-12-01T10:00:00Z")));
    }

    @Test
    void whatIsNotTheEventIsRejectedForGood() {
        for (String junk : new String[] {
            "not json", "{}", "{\"infoHash\":\"XYZ\",\"completedAt\":\"2026-12-01T10:00:00Z\"}", "[1,2]"
        }) {
            assertThatThrownBy(() -> EventJson.read(
                            message(junk.getBytes(StandardCharsets.UTF_8)), DownloadCompletedEvent.class))
                    .as(junk)
                    .isInstanceOf(AmqpRejectAndDontRequeueException.class);
        }
    }

    private static Message message(byte[] body) {
        return new Message(body, new MessageProperties());
    }
}
