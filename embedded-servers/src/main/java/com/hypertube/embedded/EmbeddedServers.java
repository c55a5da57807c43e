package com.hypertube.embedded;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The servers the launcher starts on this machine when none answers where Hypertube looks for them:
 *
 * <pre>
 *   java -jar hypertube-embedded.jar postgres --port P --data DIR [--host H] [--database NAME] [--user NAME]
 *   java -jar hypertube-embedded.jar amqp --port P --work DIR [--host H] [--user NAME] [--password SECRET]
 * </pre>
 *
 * Each listens on a loopback address only (127.0.0.1 unless --host names another), prints one line starting
 * with {@code READY} once clients can connect, and runs in the foreground until SIGTERM (or Ctrl-C), when it
 * stops cleanly and exits. What it stores stays in DIR, so the next start finds it again. The user names and
 * the broker's password default to the variables the services read (DB_USER, RABBITMQ_USER, RABBITMQ_PASSWORD),
 * so that the launcher need not put a password on a command line.
 */
public final class EmbeddedServers {

    /** A server that is up once constructed. */
    interface Server extends AutoCloseable {
        @Override
        void close() throws Exception;
    }

    private EmbeddedServers() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help")) {
            usage(0);
        }
        Map<String, String> options = options(List.of(args).subList(1, args.length));
        // The broker logs every connection at INFO; warnings and errors are what a log file here is for.
        // Set before the first logger is made (-D on the command line still wins).
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd HH:mm:ss.SSS");

        long started = System.nanoTime();
        String host = loopback(options.getOrDefault("host", "127.0.0.1"));
        int port = port(options);
        Server server =
                switch (args[0]) {
                    case "postgres" ->
                        EmbeddedPostgresServer.start(
                                host,
                                port,
                                path(options, "data"),
                                options.getOrDefault("database", "hypertube"),
                                options.getOrDefault("user", environment("DB_USER", "postgres")));
                    case "amqp" ->
                        EmbeddedAmqpBroker.start(
                                host,
                                port,
                                path(options, "work"),
                                options.getOrDefault("user", environment("RABBITMQ_USER", "guest")),
                                options.getOrDefault("password", environment("RABBITMQ_PASSWORD", "guest")));
                    default -> {
                        usage(2);
                        yield null;
                    }
                };
        // Stopping is a shutdown hook, so that SIGTERM (the launcher's 'down') and Ctrl-C both stop the
        // server cleanly; main waits on the latch so that the hook's work is done before the JVM exits.
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                server.close();
                                System.out.println("STOPPED " + args[0]);
                            } catch (Exception e) {
                                System.err.println("embedded " + args[0] + ": stopping failed: " + e);
                            } finally {
                                stopped.countDown();
                            }
                        },
                        "embedded-stop"));
        System.out.printf(
                "READY %s on %s:%d in %d ms (pid %d)%n",
                args[0],
                host,
                port,
                (System.nanoTime() - started) / 1_000_000,
                ProcessHandle.current().pid());
        System.out.flush();
        // What starting left behind (Postgres's binaries unpacked on a first start, the broker's model) would
        // otherwise keep the heap grown for good: one full collection lets it shrink to what the server
        // needs (the launcher runs us with -XX:MaxHeapFreeRatio so that the JVM gives the rest back).
        System.gc();
        stopped.await();
    }

    /** The address to listen on, which must be this machine's loopback: these servers trust their clients. */
    private static String loopback(String host) throws Exception {
        InetAddress address = InetAddress.getByName(host);
        if (!address.isLoopbackAddress()) {
            System.err.println("embedded: --host must be a loopback address, not " + host);
            usage(2);
        }
        return address.getHostAddress();
    }

    private static String environment(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? otherwise : value;
    }

    private static Map<String, String> options(List<String> args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String name = args.get(i);
            if (!name.startsWith("--") || i + 1 == args.size()) {
                System.err.println("embedded: '" + name + "' is not an option with a value");
                usage(2);
            }
            options.put(name.substring(2), args.get(++i));
        }
        return options;
    }

    private static int port(Map<String, String> options) {
        String port = options.get("port");
        if (port == null || !port.matches("\\d{1,5}")) {
            System.err.println("embedded: --port is needed (a number)");
            usage(2);
        }
        return Integer.parseInt(port);
    }

    private static Path path(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            System.err.println("embedded: --" + name + " is needed (a folder)");
            usage(2);
        }
        return Path.of(value).toAbsolutePath();
    }

    private static void usage(int status) {
        (status == 0 ? System.out : System.err).println("""
                        usage: java -jar hypertube-embedded.jar postgres --port P --data DIR [--host H] [--database NAME] [--user NAME]
                               java -jar hypertube-embedded.jar amqp --port P --work DIR [--host H] [--user NAME] [--password SECRET]
                        Runs until SIGTERM; prints a line starting with READY once clients can connect.""");
        System.exit(status);
    }
}
