package com.hypertube.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.qpid.server.SystemLauncher;
import org.apache.qpid.server.SystemLauncherListener;
import org.apache.qpid.server.model.SystemConfig;
import org.apache.qpid.server.queue.QueueArgumentsConverter;

/**
 * Apache Qpid Broker-J in this JVM, speaking AMQP 0-9-1 on a loopback address, with one user and one virtual host that
 * answers to "/" (RabbitMQ's default, which the services ask for). The broker's own configuration is rebuilt
 * from {@code embedded-broker.json} at every start; the virtual host (exchanges, queues, bindings and persistent
 * messages) lives in a Derby database under the work folder, so it outlives the process ({@link Store#DISK}, the
 * launcher's), or in memory, gone when the broker stops ({@link Store#MEMORY}, a test JVM's, which then needs
 * neither Derby nor Qpid's Derby store on its class path).
 *
 * <p>{@code broker.failStartupWithErroredChild} (in the JSON) makes a port it cannot listen on (taken meanwhile)
 * fail the start, rather than a broker that says it is ready but does not listen.
 *
 * <p>Two things make it behave as RabbitMQ does where the services rely on it (EmbeddedBrokerMessagingTest):
 * <ul>
 *   <li>{@code queue.maximumDeliveryAttempts = 1} (in the JSON): Qpid puts a message that a 0-9-1 client rejects or
 *       nacks without requeue back on the queue, for its JMS client's sake, unless the queue has a maximum number
 *       of deliveries; with 1, such a message is dead-lettered (or dropped, without a dead-letter exchange) at once,
 *       as on RabbitMQ. Requeued nacks and unacknowledged messages of a closed channel are redelivered as before.
 *   <li>{@code x-dead-letter-exchange} becomes the queue's alternate binding (our copy of Qpid's
 *       {@code QueueArgumentsConverter} says how and where it differs).
 * </ul>
 */
public final class EmbeddedAmqpBroker implements EmbeddedServers.Server {

    /** Where the virtual host keeps its exchanges, queues, bindings and persistent messages. */
    public enum Store {
        /** In a Derby database under the work folder: they outlive the broker. */
        DISK,
        /** In memory: gone when the broker stops. */
        MEMORY
    }

    private final SystemLauncher launcher;

    private EmbeddedAmqpBroker(SystemLauncher launcher) {
        this.launcher = launcher;
    }

    static EmbeddedAmqpBroker start(String host, int port, Path work, String user, String password) throws Exception {
        return start(host, port, work, user, password, Store.DISK);
    }

    /**
     * Starts the broker and returns once clients can connect. {@code work} holds its configuration (the password
     * included, readable by its owner only) and, with {@link Store#DISK}, the virtual host's store.
     */
    public static EmbeddedAmqpBroker start(String host, int port, Path work, String user, String password, Store store)
            throws Exception {
        requireOurQueueArgumentsConverter();
        Files.createDirectories(work);
        if (store == Store.DISK) {
            // Derby writes derby.log into the current folder unless told otherwise.
            System.setProperty(
                    "derby.stream.error.file", work.resolve("derby.log").toString());
        }
        Path config = work.resolve("broker.json");
        Files.deleteIfExists(config);
        // The password is in it: readable by its owner only.
        Files.createFile(config, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(config, brokerConfiguration(host, port, work, user, password, store));
        // Without one, the broker looks for "classpath:system.properties", a URL scheme the JDK resolves with the
        // system class loader, which cannot see inside this jar's nested jars. We need no such properties.
        Path systemProperties = work.resolve("system.properties");
        Files.writeString(systemProperties, "# Read by the broker at start; none are needed.\n");

        // SystemLauncher reports a failed start to its listener, not by throwing.
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        SystemLauncher launcher = new SystemLauncher(new SystemLauncherListener.DefaultSystemLauncherListener() {
            @Override
            public void errorOnStartup(RuntimeException e) {
                failure.set(e);
            }
        });
        launcher.startup(Map.of(
                SystemConfig.TYPE,
                "Memory",
                SystemConfig.INITIAL_CONFIGURATION_LOCATION,
                config.toUri().toString(),
                SystemConfig.INITIAL_SYSTEM_PROPERTIES_LOCATION,
                systemProperties.toString(),
                SystemConfig.STARTUP_LOGGED_TO_SYSTEM_OUT,
                false,
                // Where the broker keeps what is not in the virtual host's store (preferences).
                SystemConfig.CONTEXT,
                Map.of(SystemConfig.QPID_WORK_DIR, work.toString())));
        if (failure.get() != null) {
            launcher.shutdown();
            throw new IllegalStateException("the AMQP broker did not start", failure.get());
        }
        return new EmbeddedAmqpBroker(launcher);
    }

    /**
     * Our copy of Qpid's {@code QueueArgumentsConverter} (x-dead-letter-exchange) works only where it comes before
     * qpid-broker-core on the class path, as it does in hypertube-embedded.jar and in a Maven class path that has
     * this module's jar before its dependencies. Elsewhere the broker would refuse the services' job queues, which
     * is better said at once.
     */
    private static void requireOurQueueArgumentsConverter() {
        var ours = EmbeddedAmqpBroker.class.getProtectionDomain().getCodeSource();
        var loaded = QueueArgumentsConverter.class.getProtectionDomain().getCodeSource();
        if (ours != null && loaded != null && !ours.getLocation().equals(loaded.getLocation())) {
            throw new IllegalStateException("Qpid's own QueueArgumentsConverter (from " + loaded.getLocation()
                    + ") was loaded instead of embedded-servers' copy (" + ours.getLocation()
                    + "): embedded-servers must come before qpid-broker-core on the class path");
        }
    }

    private static String brokerConfiguration(
            String host, int port, Path work, String user, String password, Store store) throws IOException {
        try (InputStream template = EmbeddedAmqpBroker.class.getResourceAsStream("/embedded-broker.json")) {
            return new String(template.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("@HOST@", host)
                    .replace("@PORT@", Integer.toString(port))
                    .replace("@NODE_TYPE@", store == Store.DISK ? "DERBY" : "Memory")
                    .replace("@VIRTUAL_HOST_TYPE@", store == Store.DISK ? "ProvidedStore" : "Memory")
                    .replace("@STORE@", json(work.resolve("virtualhost").toString()))
                    .replace("@USER@", json(user))
                    .replace("@PASSWORD@", json(password));
        }
    }

    /** The inside of a JSON string. */
    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    @Override
    public void close() {
        launcher.shutdown();
    }
}
