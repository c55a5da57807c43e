package com.hypertube.streaming.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.hypertube.streaming.StreamingProperties;
import com.hypertube.testinfra.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
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

    @Test
    void aConversionMessageTheWorkerCannotUseEndsInTheDeadLetterQueue() {
        String garbage = "not a conversion job id " + UUID.randomUUID();
        rabbit.convertAndSend(
                properties.messaging().exchange(), properties.messaging().conversionQueue(), garbage);

        Message deadLetter = rabbit.receive(
                properties.messaging().conversionQueue() + MessagingTopology.DEAD_LETTER_QUEUE_SUFFIX, 10_000);

        assertThat(deadLetter).isNotNull();
        assertThat(new String(deadLetter.getBody(), StandardCharsets.UTF_8)).isEqualTo(garbage);
    }
}
