package com.hypertube.web.events;

import com.hypertube.contract.events.Events;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * In every service that talks to RabbitMQ: the {@link EventPublisher}, and the topic exchange declared, so that a
 * service publishing before another declared it does not lose its first events (every service declares it with
 * the same arguments, which RabbitMQ accepts any number of times).
 */
@AutoConfiguration(afterName = "org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration")
@ConditionalOnClass(RabbitTemplate.class)
@ConditionalOnBean(RabbitTemplate.class)
public class EventsAutoConfiguration {

    @Bean
    TopicExchange eventsExchange(@Value("${hypertube.events.exchange:" + Events.EXCHANGE + "}") String name) {
        return new TopicExchange(name, true, false);
    }

    @Bean
    EventPublisher eventPublisher(RabbitTemplate rabbit, TopicExchange eventsExchange) {
        return new EventPublisher(rabbit, eventsExchange.getName());
    }
}
