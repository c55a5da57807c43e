package com.hypertube.web.events;

import com.hypertube.contract.events.Event;
import org.springframework.amqp.AmqpRejectAndDontRequeueException;
import org.springframework.amqp.core.Message;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON form of events, for publishers and listeners alike: the record's components by name, dates as
 * ISO-8601 strings; fields a listener does not know are ignored, so a publisher may add some before every
 * listener knows them.
 */
public final class EventJson {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private EventJson() {}

    static byte[] write(Event event) {
        return JSON.writeValueAsBytes(event);
    }

    /**
     * The event a message carries. A message that is not one (not JSON, a field missing) is rejected for good:
     * sending it again would fail again, so it goes to the queue's dead letters, if any, and never loops.
     */
    public static <E extends Event> E read(Message message, Class<E> type) {
        try {
            return JSON.readValue(message.getBody(), type);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new AmqpRejectAndDontRequeueException("Not a " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
