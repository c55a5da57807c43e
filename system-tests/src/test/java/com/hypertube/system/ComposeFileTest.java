package com.hypertube.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot be run here (no Docker engine), so it is read instead, and held to the
 * services' own configuration: same ports, variables the services really read, healthchecks on
 * readiness, start order by health, memory limits, secrets only from the environment.
 */
class ComposeFileTest {

    private static final Path ROOT = Path.of(System.getProperty("hypertube.root", ".."));
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
    private static final Pattern DEFAULT_PORT = Pattern.compile("port: \\$\\{SERVER_PORT:(\\d+)}");

    private final Map<String, Object> compose = load();

    @ParameterizedTest
    @ValueSource(strings = {"gateway-service", "auth-service", "media-service", "source-service", "streaming-service"})
    void eachServiceIsConfiguredAsItsOwnConfigurationExpects(String name) throws IOException {
        Map<String, Object> service = service(name);
        String applicationYml = Files.readString(ROOT.resolve(name + "/src/main/resources/application.yml"));
        String port = firstGroup(DEFAULT_PORT, applicationYml);
        // The servlet services also read what they share from service-web's defaults.
        String configuration = name.equals("gateway-service")
                ? applicationYml
                : applicationYml
                        + Files.readString(ROOT.resolve("service-web/src/main/resources/service-web-defaults.yml"));
        Map<String, Object> environment = map(service.get("environment"));

        // Each image is the one recipe built for its service; streaming-service's also gets ffmpeg (playback).
        Map<String, Object> buildArguments = name.equals("streaming-service")
                ? Map.of("SERVICE", name, "RUNTIME_PACKAGES", "curl ffmpeg")
                : Map.of("SERVICE", name);
        assertThat(map(service.get("build")).get("args")).isEqualTo(buildArguments);
        assertThat(environment.get("SERVER_PORT")).isEqualTo(port);
        assertThat(placeholdersIn(configuration)).as("variables %s reads", name).containsAll(environment.keySet());
        assertThat(list(map(service.get("healthcheck")).get("test")))
                .contains("http://localhost:" + port + "/actuator/health/readiness");
        assertThat(map(map(map(service.get("deploy")).get("resources")).get("limits")))
                .containsKey("memory");
        map(service.get("depends_on")).values().forEach(dependency -> assertThat(map(dependency))
                .containsEntry("condition", "service_healthy"));
        assertThat(service).doesNotContainKey("container_name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"auth-service", "media-service", "source-service", "streaming-service"})
    void theGatewayReachesEachServiceOnItsPort(String name) throws IOException {
        Map<String, Object> gatewayEnvironment = map(service("gateway-service").get("environment"));
        String variable = name.replace("-service", "").toUpperCase() + "_SERVICE_URL";
        String port = map(service(name).get("environment")).get("SERVER_PORT").toString();

        assertThat(gatewayEnvironment).containsEntry(variable, "http://" + name + ":" + port);
        assertThat(map(service("gateway-service").get("depends_on"))).containsKey(name);
        assertThat(placeholdersIn(Files.readString(ROOT.resolve("gateway-service/src/main/resources/application.yml"))))
                .contains(variable);
    }

    @Test
    void onlyTheGatewayAndTheBitTorrentPortArePublished() {
        services().forEach((name, service) -> {
            if (!name.equals("gateway-service") && !name.equals("streaming-service")) {
                assertThat(map(service)).as(name).doesNotContainKey("ports");
            }
        });
        // streaming-service publishes its BitTorrent port only, the one its environment gives it.
        String torrentPort = map(service("streaming-service").get("environment"))
                .get("TORRENT_PORT")
                .toString();
        assertThat(list(service("streaming-service").get("ports")))
                .containsExactly("${TORRENT_PORT:-6881}:" + torrentPort);
        assertThat(list(service("gateway-service").get("ports"))).containsExactly("${HYPERTUBE_PORT:-8080}:8080");
    }

    @Test
    void secretsComeOnlyFromTheEnvironment() throws IOException {
        String text = Files.readString(ROOT.resolve("docker-compose.yml"));
        Matcher secret = Pattern.compile("(?m)^\\s*([A-Z_]*(PASSWORD|PASS|SECRET|TOKEN)[A-Z_]*):\\s*(.+)$")
                .matcher(text);
        int secrets = 0;
        while (secret.find()) {
            secrets++;
            // Required (${X:?why}) or optional and empty by default (${X:-}): never a value written here.
            assertThat(secret.group(3)).as(secret.group(1)).matches("\\$\\{[A-Z_]+(:\\?.+|:-)}");
        }
        assertThat(secrets).isPositive();
    }

    @Test
    void downloadsLiveOnANamedVolumeWhereTheStreamingServiceLooks() {
        Map<String, Object> streaming = service("streaming-service");
        String root =
                map(streaming.get("environment")).get("HYPERTUBE_DOWNLOAD_ROOT").toString();

        assertThat(map(compose.get("volumes"))).containsKey("downloads");
        assertThat(list(streaming.get("volumes"))).contains("downloads:" + root);
    }

    @Test
    void serversAreHealthcheckedAndEveryServiceWaitsForThoseItUses() throws IOException {
        Set.of("postgres", "rabbitmq").forEach(name -> assertThat(service(name)).containsKey("healthcheck"));
        for (String name : services().keySet()) {
            if (!name.endsWith("-service") || name.equals("gateway-service")) {
                continue;
            }
            // Every service keeps its data in Postgres; those whose configuration names RabbitMQ use it too.
            String applicationYml = Files.readString(ROOT.resolve(name + "/src/main/resources/application.yml"));
            Set<String> servers =
                    applicationYml.contains("rabbitmq:") ? Set.of("postgres", "rabbitmq") : Set.of("postgres");
            assertThat(map(service(name).get("depends_on"))).as(name).containsOnlyKeys(servers);
        }
    }

    private Map<String, Object> services() {
        return map(compose.get("services"));
    }

    private Map<String, Object> service(String name) {
        assertThat(services()).containsKey(name);
        return map(services().get(name));
    }

    private static Set<String> placeholdersIn(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static String firstGroup(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as("%s in %s", pattern, text).isTrue();
        return matcher.group(1);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<Object>) value;
    }

    private static Map<String, Object> load() {
        try {
            return new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
