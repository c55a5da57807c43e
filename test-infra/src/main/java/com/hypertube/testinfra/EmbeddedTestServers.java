package com.hypertube.testinfra;

import com.hypertube.embedded.EmbeddedAmqpBroker;
import com.hypertube.embedded.EmbeddedPostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

/**
 * A Postgres and an AMQP 0-9-1 broker of this JVM's own, for machines with neither Docker nor local servers
 * ({@link TestServerMode#EMBEDDED}): the launcher's embedded servers (module embedded-servers), each on a free
 * loopback port. Postgres runs from zonky's binaries in a cluster made for this JVM, with a {@value #DATABASE}
 * database; the broker (Apache Qpid Broker-J) runs inside this JVM with its virtual host {@code /} in memory, user
 * and password {@code guest}. There is nothing to share, so nothing to isolate: each JVM has its own.
 *
 * <p>Both start together on the first call, and stop when the JVM exits, their folders deleted. Qpid is not
 * RabbitMQ in a few ways (README, "Embedded ones"): a dead letter keeps its routing key and has no
 * {@code x-death} header, and there is no management API.
 */
public final class EmbeddedTestServers {

    static final String HOST = "127.0.0.1";
    static final String DATABASE = "hypertube";
    static final String USER = "guest";
    static final String PASSWORD = "guest";
    private static final int ATTEMPTS = 3;

    private static EmbeddedTestServers instance;
    private static Throwable failure;

    private final Path work;
    private final EmbeddedPostgresServer postgres;
    private final EmbeddedAmqpBroker broker;
    private final int postgresPort;
    private final int amqpPort;
    private final Duration startedIn;

    private EmbeddedTestServers(
            Path work,
            EmbeddedPostgresServer postgres,
            int postgresPort,
            EmbeddedAmqpBroker broker,
            int amqpPort,
            Duration startedIn) {
        this.work = work;
        this.postgres = postgres;
        this.postgresPort = postgresPort;
        this.broker = broker;
        this.amqpPort = amqpPort;
        this.startedIn = startedIn;
    }

    /** This JVM's servers, started on the first call (a start that failed fails every later call at once). */
    public static synchronized EmbeddedTestServers get() {
        if (failure != null) {
            throw new IllegalStateException("The embedded test servers did not start (the first failure)", failure);
        }
        if (instance == null) {
            try {
                instance = start();
            } catch (RuntimeException | Error e) {
                failure = e;
                throw e;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "stop-embedded-test-servers"));
            System.out.println(why() + " (Postgres on " + HOST + ":" + instance.postgresPort + ", AMQP broker on "
                    + HOST + ":" + instance.amqpPort + "; started in " + instance.startedIn.toMillis() + " ms)");
        }
        return instance;
    }

    private static String why() {
        if (TestServerMode.current() != TestServerMode.EMBEDDED) {
            return "Embedded test servers started";
        }
        return TestServerMode.chosenExplicitly()
                ? TestServerMode.VARIABLE + "=embedded: the tests use embedded servers"
                : "No Docker and no local Postgres/RabbitMQ: the tests use embedded ones";
    }

    /** Where they are: the {@value #DATABASE} database as {@code postgres} (trusted), virtual host {@code /}. */
    public ServerAddresses addresses() {
        return new ServerAddresses(HOST, postgresPort, DATABASE, "postgres", "", HOST, amqpPort, USER, PASSWORD, "/");
    }

    /** How long starting both took. */
    public Duration startedIn() {
        return startedIn;
    }

    private static EmbeddedTestServers start() {
        quietServerLogs();
        // Qpid's housekeeping halts the JVM when one of its tasks fails and no default handler is set; a test
        // JVM rather reports it as the JVM would, and goes on.
        if (Thread.getDefaultUncaughtExceptionHandler() == null) {
            Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
                System.err.print("Exception in thread \"" + thread.getName() + "\" ");
                e.printStackTrace();
            });
        }
        long began = System.nanoTime();
        Path work;
        try {
            work = Files.createTempDirectory("hypertube-test-servers-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Postgres (initdb, then its own processes) while the broker starts here.
        CompletableFuture<PostgresStarted> postgres =
                CompletableFuture.supplyAsync(() -> startPostgres(work.resolve("postgres.log")));
        EmbeddedAmqpBroker broker = null;
        try {
            int amqpPort = 0;
            for (int attempt = 1; broker == null; attempt++) {
                amqpPort = freePort();
                try {
                    broker = EmbeddedAmqpBroker.start(
                            HOST, amqpPort, work.resolve("amqp"), USER, PASSWORD, EmbeddedAmqpBroker.Store.MEMORY);
                } catch (Exception e) {
                    if (attempt == ATTEMPTS) {
                        throw new IllegalStateException("The embedded AMQP broker did not start", e);
                    }
                }
            }
            PostgresStarted started = postgres.join();
            return new EmbeddedTestServers(
                    work,
                    started.server(),
                    started.port(),
                    broker,
                    amqpPort,
                    Duration.ofNanos(System.nanoTime() - began));
        } catch (RuntimeException | Error e) {
            if (broker != null) {
                broker.close();
            }
            // Whatever became of Postgres's start, no postmaster is left behind.
            try {
                closeQuietly(postgres.join().server());
            } catch (CompletionException | CancellationException notStarted) {
                // Nothing to stop.
            }
            delete(work);
            if (e instanceof CompletionException && e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private record PostgresStarted(EmbeddedPostgresServer server, int port) {}

    /** A port taken between our look and Postgres's start (another JVM's) is tried again elsewhere. */
    private static PostgresStarted startPostgres(Path log) {
        for (int attempt = 1; ; attempt++) {
            int port = freePort();
            try {
                return new PostgresStarted(EmbeddedPostgresServer.startTemporary(HOST, port, DATABASE, log), port);
            } catch (Exception e) {
                if (attempt == ATTEMPTS) {
                    throw new IllegalStateException("The embedded Postgres did not start (its output: " + log + ")", e);
                }
            }
        }
    }

    private void stop() {
        broker.close();
        closeQuietly(postgres);
        delete(work);
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("Could not delete " + folder + ": " + e.getMessage());
        }
    }

    private static void closeQuietly(EmbeddedPostgresServer postgres) {
        try {
            postgres.close();
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not stop the embedded Postgres: " + e.getMessage());
        }
    }

    /**
     * The broker logs every connection and channel at INFO, zonky each step of its start: warnings are enough.
     * Set now (for a logging system already initialised) and as properties (for Spring Boot's later
     * initialisations, which read {@code logging.level.*} from the environment, system properties included).
     */
    private static void quietServerLogs() {
        LoggingSystem logging = LoggingSystem.get(EmbeddedTestServers.class.getClassLoader());
        for (String logger : new String[] {"org.apache.qpid", "qpid", "io.zonky"}) {
            if (System.getProperty("logging.level." + logger) == null) {
                System.setProperty("logging.level." + logger, "WARN");
            }
            try {
                logging.setLogLevel(logger, LogLevel.WARN);
            } catch (RuntimeException e) {
                // A logging system that cannot set levels: the servers are merely louder.
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
