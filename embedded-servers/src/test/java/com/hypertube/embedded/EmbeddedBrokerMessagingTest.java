package com.hypertube.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.MessageProperties;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the services rely on RabbitMQ for, checked against the embedded broker with RabbitMQ's own Java client
 * (the one Spring AMQP uses): topic routing, durable queues and persistent messages across a restart,
 * dead-lettering with x-dead-letter-exchange, and redelivery. Each test uses queues and exchanges of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddedBrokerMessagingTest {

    private Path work;
    private int port;
    private EmbeddedAmqpBroker broker;
    private Connection connection;

    @BeforeAll
    void start(@TempDir Path work) throws Exception {
        this.work = work;
        port = freePort();
        broker = EmbeddedAmqpBroker.start("127.0.0.1", port, work, "guest", "guest");
        connection = connect();
    }

    @AfterAll
    void stop() throws Exception {
        if (connection != null && connection.isOpen()) {
            connection.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aTopicExchangeRoutesByPattern() throws Exception {
        try (Channel channel = connection.createChannel()) {
            channel.exchangeDeclare("topics", BuiltinExchangeType.TOPIC, true);
            channel.queueDeclare("one-word", true, false, false, null);
            channel.queueDeclare("any-words", true, false, false, null);
            channel.queueBind("one-word", "topics", "jobs.*");
            channel.queueBind("any-words", "topics", "jobs.#");

            channel.basicPublish("topics", "jobs.download", null, bytes("a"));
            channel.basicPublish("topics", "jobs.download.urgent", null, bytes("b"));
            channel.basicPublish("topics", "other.download", null, bytes("c"));

            assertThat(drain(channel, "one-word")).containsExactly("a");
            assertThat(drain(channel, "any-words")).containsExactly("a", "b");
        }
    }

    @Test
    void aMessageRejectedWithoutRequeueGoesToTheDeadLetterQueue() throws Exception {
        try (Channel channel = connection.createChannel()) {
            declareJobQueueAsTheStreamingServiceDoes(channel, "jobs", "download");

            channel.basicPublish("jobs", "download", MessageProperties.PERSISTENT_TEXT_PLAIN, bytes("job-1"));
            channel.basicPublish("jobs", "download", MessageProperties.PERSISTENT_TEXT_PLAIN, bytes("job-2"));
            GetResponse first = awaitMessage(channel, "download");
            channel.basicReject(first.getEnvelope().getDeliveryTag(), false); // Spring: AmqpRejectAndDontRequeue
            GetResponse second = awaitMessage(channel, "download");
            channel.basicNack(second.getEnvelope().getDeliveryTag(), false, false);

            assertThat(drain(channel, "download.dlq")).containsExactly("job-1", "job-2");
            assertThat(drain(channel, "download")).isEmpty();
        }
    }

    @Test
    void aMessageRejectedWithoutRequeueFromAQueueWithoutDeadLetterExchangeIsDropped() throws Exception {
        try (Channel channel = connection.createChannel()) {
            channel.queueDeclare("no-dead-letters", true, false, false, null);
            channel.basicPublish("", "no-dead-letters", null, bytes("poison"));

            GetResponse message = awaitMessage(channel, "no-dead-letters");
            channel.basicReject(message.getEnvelope().getDeliveryTag(), false);

            // On Qpid without queue.maximumDeliveryAttempts, it would come back here, again and again.
            assertThat(drain(channel, "no-dead-letters")).isEmpty();
        }
    }

    @Test
    void aMessageNackedWithRequeueComesBackMarkedRedelivered() throws Exception {
        try (Channel channel = connection.createChannel()) {
            channel.queueDeclare("redelivered", true, false, false, null);
            channel.basicPublish("", "redelivered", null, bytes("again"));

            GetResponse first = awaitMessage(channel, "redelivered");
            channel.basicNack(first.getEnvelope().getDeliveryTag(), false, true);
            GetResponse second = awaitMessage(channel, "redelivered");

            assertThat(first.getEnvelope().isRedeliver()).isFalse();
            assertThat(text(second)).isEqualTo("again");
            assertThat(second.getEnvelope().isRedeliver()).isTrue();
            channel.basicAck(second.getEnvelope().getDeliveryTag(), false);
        }
    }

    @Test
    void anUnacknowledgedMessageOfAClosedChannelIsRedelivered() throws Exception {
        try (Channel channel = connection.createChannel()) {
            channel.queueDeclare("unacknowledged", true, false, false, null);
            channel.basicPublish("", "unacknowledged", null, bytes("in-flight"));
            awaitMessage(channel, "unacknowledged"); // a worker that dies before it acknowledges
        }
        try (Channel channel = connection.createChannel()) {
            GetResponse again = awaitMessage(channel, "unacknowledged");

            assertThat(text(again)).isEqualTo("in-flight");
            assertThat(again.getEnvelope().isRedeliver()).isTrue();
            channel.basicAck(again.getEnvelope().getDeliveryTag(), false);
        }
    }

    @Test
    void durableQueuesAndPersistentMessagesOutliveARestart() throws Exception {
        try (Channel channel = connection.createChannel()) {
            declareJobQueueAsTheStreamingServiceDoes(channel, "restart-jobs", "restart");
            channel.basicPublish("restart-jobs", "restart", MessageProperties.PERSISTENT_TEXT_PLAIN, bytes("kept"));
        }
        connection.close();
        broker.close();

        broker = EmbeddedAmqpBroker.start("127.0.0.1", port, work, "guest", "guest");
        connection = connect();

        try (Channel channel = connection.createChannel()) {
            AMQP.Queue.DeclareOk queue = channel.queueDeclarePassive("restart");
            assertThat(queue.getMessageCount()).isEqualTo(1);
            // Its binding and its dead-letter exchange came back too.
            channel.basicPublish("restart-jobs", "restart", null, bytes("after"));
            assertThat(drain(channel, "restart")).containsExactly("kept", "after");
            channel.basicPublish("restart-jobs", "restart", null, bytes("rejected"));
            channel.basicReject(awaitMessage(channel, "restart").getEnvelope().getDeliveryTag(), false);
            assertThat(drain(channel, "restart.dlq")).containsExactly("rejected");
        }
    }

    @Test
    void aBrokerThatKeepsItsVirtualHostInMemoryDeadLettersToo(@TempDir Path otherWork) throws Exception {
        int otherPort = freePort();
        EmbeddedAmqpBroker inMemory = EmbeddedAmqpBroker.start(
                "127.0.0.1", otherPort, otherWork, "guest", "guest", EmbeddedAmqpBroker.Store.MEMORY);
        try (Connection other = connect(otherPort);
                Channel channel = other.createChannel()) {
            declareJobQueueAsTheStreamingServiceDoes(channel, "memory-jobs", "memory");
            channel.basicPublish("memory-jobs", "memory", MessageProperties.PERSISTENT_TEXT_PLAIN, bytes("job"));
            channel.basicReject(awaitMessage(channel, "memory").getEnvelope().getDeliveryTag(), false);

            assertThat(drain(channel, "memory.dlq")).containsExactly("job");
        } finally {
            inMemory.close();
        }
        // Nothing of it was written to disk but its configuration.
        assertThat(otherWork.resolve("virtualhost")).doesNotExist();
    }

    @Test
    void aPortAlreadyTakenFailsTheStartInsteadOfABrokerThatDoesNotListen(@TempDir Path otherWork) throws Exception {
        // This test's own broker holds `port`.
        assertThatThrownBy(() -> EmbeddedAmqpBroker.start(
                                "127.0.0.1", port, otherWork, "guest", "guest", EmbeddedAmqpBroker.Store.MEMORY)
                        .close())
                .isInstanceOf(IllegalStateException.class);
    }

    /** Where Qpid is not RabbitMQ, pinned down so that a change of either shows (README, "Embedded ones"). */
    @Test
    void whereItDiffersFromRabbitMq() throws Exception {
        try (Channel channel = connection.createChannel()) {
            declareJobQueueAsTheStreamingServiceDoes(channel, "differences", "differs");
            channel.basicPublish("differences", "differs", null, bytes("dead"));
            channel.basicReject(awaitMessage(channel, "differs").getEnvelope().getDeliveryTag(), false);
            GetResponse deadLetter = awaitMessage(channel, "differs.dlq");

            // RabbitMQ adds an x-death header (queue, reason, count) to a dead letter; Qpid adds none.
            Map<String, Object> headers = deadLetter.getProps().getHeaders();
            assertThat(headers == null ? Map.of() : headers).doesNotContainKey("x-death");
            // RabbitMQ refuses (PRECONDITION_FAILED) to redeclare a queue with other arguments; Qpid keeps the queue
            // as it is and answers OK.
            channel.queueDeclare("differs", true, false, false, null);
            channel.basicAck(deadLetter.getEnvelope().getDeliveryTag(), false);
        }
    }

    /** MessagingTopology's shape: a topic exchange, the queue bound by its name, a direct dead-letter exchange. */
    private static void declareJobQueueAsTheStreamingServiceDoes(Channel channel, String exchange, String queue)
            throws IOException {
        String deadLetters = exchange + ".dead-letter";
        channel.exchangeDeclare(exchange, BuiltinExchangeType.TOPIC, true);
        channel.exchangeDeclare(deadLetters, BuiltinExchangeType.DIRECT, true);
        channel.queueDeclare(
                queue,
                true,
                false,
                false,
                Map.of("x-dead-letter-exchange", deadLetters, "x-dead-letter-routing-key", queue));
        channel.queueDeclare(queue + ".dlq", true, false, false, null);
        channel.queueBind(queue, exchange, queue);
        channel.queueBind(queue + ".dlq", deadLetters, queue);
    }

    private Connection connect() throws Exception {
        return connect(port);
    }

    private static Connection connect(int port) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(port);
        factory.setUsername("guest");
        factory.setPassword("guest");
        factory.setVirtualHost("/"); // what the services ask for
        return factory.newConnection("embedded-broker-test");
    }

    /** Waits for one message (delivery to a queue is asynchronous on the broker's side), unacknowledged. */
    private static GetResponse awaitMessage(Channel channel, String queue) {
        return await("a message on " + queue)
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> channel.basicGet(queue, false), java.util.Objects::nonNull);
    }

    /** Every message on the queue, acknowledged, once none has come for a moment. */
    private static java.util.List<String> drain(Channel channel, String queue) throws Exception {
        java.util.List<String> texts = new java.util.ArrayList<>();
        Instant quietUntil = Instant.now().plusMillis(500);
        while (Instant.now().isBefore(quietUntil)) {
            GetResponse response = channel.basicGet(queue, true);
            if (response == null) {
                Thread.sleep(20);
            } else {
                texts.add(text(response));
                quietUntil = Instant.now().plusMillis(500);
            }
        }
        return texts;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(GetResponse response) {
        return new String(response.getBody(), StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
