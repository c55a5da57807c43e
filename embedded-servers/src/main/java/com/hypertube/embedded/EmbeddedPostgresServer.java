package com.hypertube.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A real PostgreSQL (binaries from zonky's Maven artifact) whose data lives in a folder of ours and outlives the
 * process ({@link #start}, the launcher's), or in a folder of its own deleted when it stops ({@link
 * #startTemporary}, a test JVM's). Zonky starts it with {@code pg_ctl}, so the postmaster is not our child: only
 * {@link #close()} ({@code pg_ctl stop -m fast}) stops it, which the shutdown hook of {@link EmbeddedServers} (or
 * of the tests' test-infra) calls.
 */
public final class EmbeddedPostgresServer implements EmbeddedServers.Server {

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedPostgresServer start(String host, int port, Path data, String database, String user)
            throws IOException, SQLException {
        Path cluster = data.resolve("cluster");
        Files.createDirectories(data);
        dropStalePostmasterPid(cluster);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(cluster)
                // Kept between runs: initdb runs only when the folder has no cluster yet.
                .setCleanDataDirectory(false)
                // Our own shutdown hook stops it, after which main may return; two hooks would race.
                .setRegisterShutdownHook(false)
                // The binaries are unpacked beside the data rather than in /tmp, which may be cleaned under us.
                .setOverrideWorkingDirectory(data.resolve("binaries").toFile())
                // Postgres's own log goes where ours goes (the launcher's log file).
                .setOutputRedirector(ProcessBuilder.Redirect.INHERIT)
                .setErrorRedirector(ProcessBuilder.Redirect.INHERIT);
        return started(configured(builder, host), database, user, true);
    }

    /**
     * A Postgres for one test JVM, on a loopback port: its cluster is made afresh (initdb) in a folder of zonky's
     * under {@code java.io.tmpdir/embedded-pg}, which {@link #close()} deletes; a later start stops and deletes
     * what a killed JVM left there (once its lock is free and ten minutes old). The binaries are unpacked there
     * once, for every JVM of the machine. Nothing is made durable (fsync off): it is thrown away anyway. The
     * superuser {@code postgres} is trusted on loopback; Postgres's own output is appended to {@code log}.
     */
    public static EmbeddedPostgresServer startTemporary(String host, int port, String database, Path log)
            throws IOException, SQLException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(port)
                .setCleanDataDirectory(true)
                // The caller stops it (its own shutdown hook, beside the broker's).
                .setRegisterShutdownHook(false)
                // Not inherited: a test JVM's standard streams are the build tool's channel to it.
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off");
        return started(configured(builder, host), database, "postgres", false);
    }

    /** What both kinds share. */
    private static EmbeddedPostgres.Builder configured(EmbeddedPostgres.Builder builder, String host) {
        return builder.setPGStartupWait(Duration.ofSeconds(60))
                // Loopback only: nobody else has any business with a trust-authenticated superuser.
                .setServerConfig("listen_addresses", host)
                // Five services with pools of ten, plus tests; and a small cache, this is a developer's machine.
                .setServerConfig("max_connections", "100")
                .setServerConfig("shared_buffers", "32MB");
    }

    private static EmbeddedPostgresServer started(
            EmbeddedPostgres.Builder builder, String database, String user, boolean sayWhenCreated)
            throws IOException, SQLException {
        EmbeddedPostgres postgres = builder.start();
        try {
            createIfMissing(postgres, database, user, sayWhenCreated);
        } catch (SQLException | RuntimeException e) {
            postgres.close();
            throw e;
        }
        return new EmbeddedPostgresServer(postgres);
    }

    /**
     * A postmaster.pid left by a postmaster that was killed (a power cut, kill -9) makes the next start fail
     * when its pid now belongs to another process. Nothing answered on our port, or we would not be starting,
     * so a postmaster.pid whose process is gone, or is no postgres, is stale.
     */
    private static void dropStalePostmasterPid(Path cluster) throws IOException {
        Path pidFile = cluster.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        String first =
                Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
        boolean alive = first.matches("\\d+")
                && ProcessHandle.of(Long.parseLong(first))
                        .flatMap(process -> process.info().command())
                        .map(command -> command.endsWith("postgres"))
                        .orElse(false);
        if (!alive) {
            Files.delete(pidFile);
        }
    }

    /** What the launcher's psql step does for an external server, so that psql is not needed here. */
    private static void createIfMissing(EmbeddedPostgres postgres, String database, String user, boolean sayWhenCreated)
            throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            if (!user.equals("postgres") && !exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", user)) {
                // Trust authentication on loopback: the role needs no password, whatever DB_PASSWORD says.
                statement.execute("CREATE ROLE " + quoted(user) + " LOGIN SUPERUSER");
            }
            if (!exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", database)) {
                statement.execute("CREATE DATABASE " + quoted(database) + " OWNER " + quoted(user));
                if (sayWhenCreated) {
                    System.out.println("Created the '" + database + "' database.");
                }
            }
        }
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
