package com.hypertube.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hypertube.source.SourceProperties.Indexer;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.io.ClassPathResource;

/**
 * The settings as the service reads them: application.yml with the environment variables it names, bound the
 * way Spring Boot binds them (without starting the service, which needs a database).
 */
class SourcePropertiesTest {

    private static SourceProperties bind(Map<String, Object> environment) throws IOException {
        MutablePropertySources sources = new MutablePropertySources();
        sources.addFirst(new MapPropertySource("environment", environment));
        new YamlPropertySourceLoader()
                .load("application.yml", new ClassPathResource("application.yml"))
                .forEach(sources::addLast);
        Binder binder = new Binder(
                ConfigurationPropertySources.from(sources),
                new PropertySourcesPlaceholdersResolver(sources),
                ApplicationConversionService.getSharedInstance());
        return binder.bind("hypertube.source", SourceProperties.class).get();
    }

    @Test
    void theDefaultsWorkOnOneMachineWithoutAnyVariable() throws IOException {
        SourceProperties settings = bind(Map.of());

        assertThat(settings.queryTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(settings.yts().apiUrls()).containsExactly(URI.create("https://yts.mx/api/v2"));
        assertThat(settings.yts().trackers()).hasSizeGreaterThan(3).allMatch(url -> url.startsWith("udp://"));
        assertThat(settings.yts().limits().callsPerSecond()).isEqualTo(2);
        assertThat(settings.eztv().apiUrl()).isEqualTo(URI.create("https://eztvx.to/api"));
        assertThat(settings.eztv().limits().callsPerSecond()).isEqualTo(2);
        assertThat(settings.torznab().indexers()).isEmpty();
        assertThat(settings.torznab().capsTtl()).isEqualTo(Duration.ofHours(1));
        assertThat(settings.torznab().limits().callsPerSecond()).isEqualTo(1);
        assertThat(settings.localDir()).isEmpty();
    }

    @Test
    void theVariablesOverrideThem() throws IOException {
        SourceProperties settings = bind(Map.of(
                "YTS_API_URLS", "https://yts.one/api/v2,https://yts.two/api/v2",
                "EZTV_API_URL", "https://eztv.example/api",
                "TORZNAB_INDEXERS",
                        "jackett|http://127.0.0.1:9117/api/v2.0/indexers/all/results/torznab/api|K1,"
                                + "prowlarr|http://127.0.0.1:9696/1/api|K2,open|http://127.0.0.1:8080/api",
                "SOURCES_LOCAL_DIR", "/srv/torrents"));

        assertThat(settings.yts().apiUrls())
                .containsExactly(URI.create("https://yts.one/api/v2"), URI.create("https://yts.two/api/v2"));
        assertThat(settings.eztv().apiUrl()).isEqualTo(URI.create("https://eztv.example/api"));
        assertThat(settings.torznab().indexers())
                .containsExactly(
                        new Indexer(
                                "jackett",
                                URI.create("http://127.0.0.1:9117/api/v2.0/indexers/all/results/torznab/api"),
                                "K1"),
                        new Indexer("prowlarr", URI.create("http://127.0.0.1:9696/1/api"), "K2"),
                        new Indexer("open", URI.create("http://127.0.0.1:8080/api"), ""));
        assertThat(settings.localDir()).isEqualTo("/srv/torrents");
    }

    /**
     * Startup fails on a badly written indexer, and our message does not repeat the text (it may hold a key).
     * Spring's own conversion failure around it does quote the value, as it does for any bad property.
     */
    @Test
    void anIndexerWrittenWronglyFailsStartupWithoutOurMessageRepeatingItsKey() {
        assertThatThrownBy(() -> bind(Map.of("TORZNAB_INDEXERS", "only-a-name-and-SECRET-KEY")))
                .rootCause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A Torznab indexer is written name|url|api-key");
        assertThatThrownBy(() -> Indexer.valueOf("jackett|not a url|SECRET-KEY"))
                .hasMessage("The Torznab indexer 'jackett' has a bad URL");
        assertThat(Indexer.valueOf("a|http://x.example/api|SECRET-KEY").toString())
                .doesNotContain("SECRET-KEY");
    }

    @Test
    void aYamlListOfIndexersBindsToo() throws IOException {
        SourceProperties settings = bind(Map.of(
                "hypertube.source.torznab.indexers[0].name", "jackett",
                "hypertube.source.torznab.indexers[0].url", "http://127.0.0.1:9117/api",
                "hypertube.source.torznab.indexers[0].api-key", "K1"));

        assertThat(settings.torznab().indexers())
                .containsExactly(new Indexer("jackett", URI.create("http://127.0.0.1:9117/api"), "K1"));
    }
}
