package com.hypertube.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hypertube.testinfra.RequiresCommand;
import com.hypertube.testinfra.ServerAddresses;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Hardening issue, finding 9: in compose each service connects with a role that owns its schema alone, so a
 * compromised streaming-service cannot read the auth service's signing keys. Runs compose's init script
 * ({@code deploy/postgres/service-roles.sh}, which needs psql) against a database of its own on this run's
 * Postgres.
 */
@Tag("security")
@RequiresCommand(value = "psql", install = "apt-get install postgresql-client")
class DatabaseRolesIT {

    private static final Path ROOT = Path.of(System.getProperty("hypertube.root", ".."));
    private static final List<String> ROLES =
            List.of("auth_service", "media_service", "source_service", "streaming_service");

    @Test
    void eachServiceRoleOwnsItsSchemaAndCannotReadAnothers() throws Exception {
        ServerAddresses servers = ServerAddresses.forThisRun();
        String database = "ht_roles_" + ProcessHandle.current().pid();
        try (Connection admin = connect(servers, "postgres", servers.dbUser(), servers.dbPassword())) {
            admin.createStatement().execute("CREATE DATABASE " + database);
        }
        try {
            runInitScript(servers, database);
            runInitScript(servers, database); // a second run changes nothing and does not fail

            try (Connection auth = connect(servers, database, "auth_service", "auth-pw")) {
                Statement statement = auth.createStatement();
                statement.execute("CREATE TABLE signing_keys (kid text)"); // into its own schema (search_path)
                statement.execute("INSERT INTO auth.signing_keys VALUES ('secret')");
            }
            try (Connection streaming = connect(servers, database, "streaming_service", "streaming-pw")) {
                Statement statement = streaming.createStatement();
                statement.execute("CREATE TABLE download_jobs (id int)");
                assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM auth.signing_keys"))
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("permission denied");
                assertThatThrownBy(() -> statement.execute("CREATE TABLE public.sneaky (x int)"))
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("permission denied");
                assertThatThrownBy(() -> statement.execute("CREATE SCHEMA other"))
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("permission denied");
            }
        } finally {
            try (Connection admin = connect(servers, "postgres", servers.dbUser(), servers.dbPassword())) {
                admin.createStatement().execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
                for (String role : ROLES) {
                    admin.createStatement().execute("DROP ROLE IF EXISTS " + role);
                }
            }
        }
    }

    private static void runInitScript(ServerAddresses servers, String database) throws Exception {
        ProcessBuilder script = new ProcessBuilder(
                        "bash", ROOT.resolve("deploy/postgres/service-roles.sh").toString())
                .redirectErrorStream(true);
        Map<String, String> env = script.environment();
        env.put("POSTGRES_USER", servers.dbUser());
        env.put("POSTGRES_DB", database);
        env.put("PGHOST", servers.dbHost());
        env.put("PGPORT", String.valueOf(servers.dbPort()));
        env.put("PGPASSWORD", servers.dbPassword() == null ? "" : servers.dbPassword());
        env.put("AUTH_DB_PASSWORD", "auth-pw");
        env.put("MEDIA_DB_PASSWORD", "media-pw");
        env.put("SOURCE_DB_PASSWORD", "source-pw");
        env.put("STREAMING_DB_PASSWORD", "streaming-pw");
        Process process = script.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    private static Connection connect(ServerAddresses servers, String database, String user, String password)
            throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://" + servers.dbHost() + ":" + servers.dbPort() + "/" + database, user, password);
    }
}
