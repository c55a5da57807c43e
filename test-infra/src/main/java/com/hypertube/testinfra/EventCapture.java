package com.hypertube.testinfra;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * A test's own ear on the events exchange: a queue of its own bound to one routing key, so a test
 * sees each event a service published, as any other listener would, and nothing of another test's.
 */
public final class EventCapture implements AutoCloseable {

    private final RabbitAdmin admin;
    private final RabbitTemplate rabbit;
    private final Queue queue;

    private EventCapture(ConnectionFactory connections, String exchange, String routingKey) {
        this.admin = new RabbitAdmin(connections);
        this.rabbit = new RabbitTemplate(connections);
        TopicExchange topic = new TopicExchange(exchange, true, false);
        admin.declareExchange(topic);
        // Neither exclusive nor auto-deleted, as a receive with a timeout may come on another connection or after
        // the last consumer left; close() deletes it. (Spring's AnonymousQueue asks for a leader locator, which
        // the RabbitMQ of some distributions refuses for a classic queue.)
        this.queue = new Queue("test-events." + UUID.randomUUID(), false, false, false);
        admin.declareQueue(queue);
        admin.declareBinding(BindingBuilder.bind(queue).to(topic).with(routingKey));
    }

    /** Listens from now on to what is published on the exchange under the key. */
    public static EventCapture of(ConnectionFactory connections, String exchange, String routingKey) {
        return new EventCapture(connections, exchange, routingKey);
    }

    /** The next message, waiting at most the timeout; empty if none came. */
    public Optional<Message> next(Duration timeout) {
        return Optional.ofNullable(rabbit.receive(queue.getName(), timeout.toMillis()));
    }

    @Override
    public void close() {
        admin.deleteQueue(queue.getName());
    }
}
