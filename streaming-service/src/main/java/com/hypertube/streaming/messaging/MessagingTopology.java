package com.hypertube.streaming.messaging;

import com.hypertube.streaming.StreamingProperties;
import java.util.ArrayList;
import java.util.List;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The RabbitMQ topology the streaming service owns, declared when it first connects: the topic exchange,
 * the durable {@code download} and {@code conversion} job queues bound to it by their own name, and for
 * each a dead-letter queue that keeps the jobs a worker rejected, for a person to look at.
 */
@Configuration(proxyBeanMethods = false)
class MessagingTopology {

    static final String DEAD_LETTER_EXCHANGE_SUFFIX = ".dead-letter";
    static final String DEAD_LETTER_QUEUE_SUFFIX = ".dlq";

    @Bean
    Declarables streamingTopology(StreamingProperties properties) {
        StreamingProperties.Messaging messaging = properties.messaging();
        TopicExchange jobs = new TopicExchange(messaging.exchange(), true, false);
        DirectExchange deadLetters =
                new DirectExchange(messaging.exchange() + DEAD_LETTER_EXCHANGE_SUFFIX, true, false);

        List<Declarable> declarables = new ArrayList<>(List.of(jobs, deadLetters));
        for (String name : List.of(messaging.downloadQueue(), messaging.conversionQueue())) {
            Queue queue = QueueBuilder.durable(name)
                    .deadLetterExchange(deadLetters.getName())
                    .deadLetterRoutingKey(name)
                    .build();
            Queue deadLetterQueue =
                    QueueBuilder.durable(name + DEAD_LETTER_QUEUE_SUFFIX).build();
            Binding jobBinding = BindingBuilder.bind(queue).to(jobs).with(name);
            Binding deadLetterBinding =
                    BindingBuilder.bind(deadLetterQueue).to(deadLetters).with(name);
            declarables.addAll(List.of(queue, deadLetterQueue, jobBinding, deadLetterBinding));
        }
        return new Declarables(declarables);
    }
}
