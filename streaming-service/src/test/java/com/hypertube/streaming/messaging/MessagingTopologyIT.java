package com.hypertube.streaming.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.hypertube.streaming.StreamingProperties;
import com.hypertube.testinfra.TestInfrastructure;
import com.rabbitmq.client.GetResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestInfrastructure.class)
class MessagingTopologyIT {

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    StreamingProperties properties;

    @Test
    void aDownloadMessageTheWorkerCannotUseEndsInTheDeadLetterQueue() {
        String garbage = "not a job id " + UUID.randomUUID();
        rabbit.convertAndSend(
                properties.messaging().exchange(), properties.messaging().downloadQueue(), garbage);

        Message deadLetter = rabbit.receive(
                properties.messaging().downloadQueue() + MessagingTopology.DEAD_LETTER_QUEUE_SUFFIX, 10_000);

        assertThat(deadLetter).isNotNull();
        assertThat(new String(deadLetter.getBody(), StandardCharsets.UTF_8)).isEqualTo(garbage);
    }

    // The conversion queue has no worker yet: a job waits there, and a rejected one is dead-lettered.
    @ParameterizedTest
    @ValueSource(strings = {"conversion"})
    void aJobSentToTheExchangeReachesItsQueueAndARejectedOneItsDeadLetterQueue(String queue) {
        String job = "{\"jobId\":\"" + UUID.randomUUID() + "\"}";
        rabbit.convertAndSend(properties.messaging().exchange(), queue, job);

        String received = rabbit.execute(channel -> {
            GetResponse delivery = org.awaitility.Awaitility.await()
                    .alias("a job on the " + queue + " queue")
                    .atMost(java.time.Duration.ofSeconds(5))
                    .pollInterval(java.time.Duration.ofMillis(100))
                    .until(() -> channel.basicGet(queue, false), java.util.Objects::nonNull);
            channel.basicReject(delivery.getEnvelope().getDeliveryTag(), false);
            return new String(delivery.getBody(), StandardCharsets.UTF_8);
        });
        Message deadLetter = rabbit.receive(queue + MessagingTopology.DEAD_LETTER_QUEUE_SUFFIX, 5_000);

        assertThat(received).isEqualTo(job);
        assertThat(deadLetter).isNotNull();
        assertThat(new String(deadLetter.getBody(), StandardCharsets.UTF_8)).isEqualTo(job);
    }
}
