package com.hypertube.web.events;

import com.hypertube.contract.events.Event;
import com.hypertube.contract.events.Events;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * Tells the other services that something happened: the contract's {@link Event} as JSON ({@link EventJson}) on
 * the topic exchange, under the event's routing key, persistent. An event is news, not a job: when the broker
 * cannot be reached it is logged and dropped, and what happened still happened (the caller's work is not
 * undone for it).
 */
public class EventPublisher {

    private static final Logger log = LoggerFactory.getLogger(EventPublisher.class);

    private final RabbitTemplate rabbit;
    private final String exchange;

    public EventPublisher(RabbitTemplate rabbit, String exchange) {
        this.rabbit = rabbit;
        this.exchange = exchange;
    }

    /** Sends the event; true when the broker took it. */
    public boolean publish(Event event) {
        Message message = MessageBuilder.withBody(EventJson.write(event))
                .setContentType(Events.CONTENT_TYPE)
                .setContentEncoding("UTF-8")
                .setType(event.routingKey())
                .setMessageId(UUID.randomUUID().toString())
                .setDeliveryMode(MessageDeliveryMode.PERSISTENT)
                .build();
        try {
            rabbit.send(exchange, event.routingKey(), message);
            return true;
        } catch (AmqpException e) {
            log.warn("Event {} not sent (the broker is unreachable): {}", event.routingKey(), e.getMessage());
            return false;
        }
    }
}
