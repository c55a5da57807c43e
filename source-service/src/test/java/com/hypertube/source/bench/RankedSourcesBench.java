package com.hypertube.source.bench;

import com.hypertube.source.provider.FoundSource;
import com.hypertube.source.provider.Providers;
import com.hypertube.source.provider.SourceProvider;
import com.hypertube.source.provider.TitleQuery;
import com.hypertube.source.ranking.Ranking;
import com.hypertube.source.release.Quality;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ParameterizedPreparedStatementSetter;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 16's search figure: a title's ranked sources (200, from three providers that each answer after 200 ms)
 * in under 300 ms cold, the providers asked in parallel, and under 20 ms warm (the same title again), beside
 * the same three providers asked one after another, measured in the same run.
 *
 * <p>It runs the service's own path without Spring: the real {@code Providers} (parallel, 3 s timeout) and
 * the real {@code SourceSearch} (cache, de-duplication, {@code Ranking}). Both are package-private, so they
 * are made by reflection. Storage is left out: {@code StoredSources} gets a JdbcTemplate that writes nothing,
 * as the rows need Postgres, so the cold figure lacks the database write.
 *
 * <pre>java -cp … com.hypertube.source.bench.RankedSourcesBench [COLD_TITLES=30] [WARM_ASKS=1000]</pre>
 */
public final class RankedSourcesBench {

    static final long PROVIDER_DELAY_MS = 200;
    static final double COLD_TARGET_MS = 300;
    static final double WARM_TARGET_MS = 20;
    static final int SOURCES = 200;

    private RankedSourcesBench() {}

    public static void main(String[] args) throws Exception {
        int coldTitles = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int warmAsks = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        List<String> names = releaseNames();
        // 67 + 67 + 66 = 200 sources, distinct hashes, so de-duplication keeps them all.
        List<SourceProvider> three = List.of(
                new SlowProvider("YTS", 67, names),
                new SlowProvider("EZTV", 67, names),
                new SlowProvider("Torznab", 66, names));
        Providers providers =
                make(Providers.class, new Class<?>[] {List.class, Duration.class}, three, Duration.ofSeconds(3));
        Class<?> storedClass = Class.forName("com.hypertube.source.search.StoredSources");
        Object stored = make(storedClass, new Class<?>[] {JdbcTemplate.class}, new NoWrites());
        Class<?> searchClass = Class.forName("com.hypertube.source.search.SourceSearch");
        // The remembered titles and the sources on this server: their database "fails", as NoWrites does.
        JdbcClient noDatabase = JdbcClient.create(new NoWrites());
        Class<?> titlesClass = Class.forName("com.hypertube.source.search.SearchedTitles");
        Class<?> hereClass = Class.forName("com.hypertube.source.search.DownloadedHere");
        Object search = make(
                searchClass,
                new Class<?>[] {Providers.class, storedClass, titlesClass, hereClass, InstantSource.class},
                providers,
                stored,
                make(titlesClass, new Class<?>[] {JdbcClient.class}, noDatabase),
                make(hereClass, new Class<?>[] {JdbcClient.class}, noDatabase),
                InstantSource.system());
        Method title = accessible(searchClass.getDeclaredMethod("title", TitleQuery.class, Quality.class));
        Method sourcesOf = accessible(title.getReturnType().getDeclaredMethod("sources"));

        // Warm-up of the JVM (the JIT, the classes): "cold" below means a title not in the cache, not a cold JVM.
        int titles = 0;
        for (int i = 0; i < 5; i++) {
            TitleQuery query = film(titles++);
            ask(title, sourcesOf, search, query);
            for (int j = 0; j < 200; j++) {
                ask(title, sourcesOf, search, query);
            }
            sequential(three, query);
        }

        List<Double> cold = new ArrayList<>();
        for (int i = 0; i < coldTitles; i++) {
            cold.add(ask(title, sourcesOf, search, film(titles++)));
        }
        TitleQuery again = film(titles - 1);
        List<Double> warm = new ArrayList<>();
        for (int i = 0; i < warmAsks; i++) {
            warm.add(ask(title, sourcesOf, search, again));
        }
        // The anchor: the same providers and ranking, one provider after another, fewer titles (each is 600 ms).
        List<Double> anchor = new ArrayList<>();
        for (int i = 0; i < Math.max(5, coldTitles / 3); i++) {
            anchor.add(sequential(three, film(titles++)));
        }

        System.out.printf(
                "Ranked sources: %d sources from 3 providers answering after %d ms (storage left out: it needs Postgres)%n",
                SOURCES, PROVIDER_DELAY_MS);
        line("cold, providers in parallel", cold, COLD_TARGET_MS);
        line("warm, from the cache", warm, WARM_TARGET_MS);
        line("anchor: cold, one after another", anchor, Double.NaN);
        System.out.printf(
                "  parallel saves %.0f ms a cold title against the anchor (median)%n",
                ScrapeBench.median(anchor) - ScrapeBench.median(cold));
        System.exit(0);
    }

    /** One search through SourceSearch, in ms; every source must be there, ranked. */
    private static double ask(Method title, Method sourcesOf, Object search, TitleQuery query) throws Exception {
        long start = System.nanoTime();
        Object answer = title.invoke(search, query, Ranking.DEFAULT_QUALITY);
        double ms = (System.nanoTime() - start) / 1e6;
        int count = ((List<?>) sourcesOf.invoke(answer)).size();
        if (count != SOURCES) {
            System.out.printf("  %s: %d sources instead of %d%n", query.imdbId(), count, SOURCES);
            System.exit(1);
        }
        return ms;
    }

    /** The unparallel way: each provider in turn, then the same ranking. */
    private static double sequential(List<SourceProvider> providers, TitleQuery query) {
        long start = System.nanoTime();
        List<FoundSource> all = new ArrayList<>();
        providers.forEach(provider -> all.addAll(provider.find(query)));
        int count = Ranking.rank(all, Ranking.DEFAULT_QUALITY).size();
        double ms = (System.nanoTime() - start) / 1e6;
        if (count != SOURCES) {
            System.exit(1);
        }
        return ms;
    }

    private static void line(String what, List<Double> values, double target) {
        List<Double> ms = values.stream().sorted().toList();
        double p95 = ms.get((int) Math.ceil(ms.size() * 0.95) - 1);
        System.out.printf(
                "  %-32s %5d asks  median %7.2f  p95 %7.2f  max %7.2f ms   %s%n",
                what,
                ms.size(),
                ScrapeBench.median(ms),
                p95,
                ms.getLast(),
                Double.isNaN(target)
                        ? ""
                        : "target under %.0f ms: %s"
                                .formatted(
                                        target,
                                        ScrapeBench.median(ms) < target && p95 < target
                                                ? "met (median and p95)"
                                                : "MISSED"));
    }

    private static TitleQuery film(int i) {
        return TitleQuery.film("tt%07d".formatted(9_000_000 + i), "Bench Film " + i, 2000 + i % 25);
    }

    /** Release names from the parser's test list: the name lines, not their indented expectations. */
    private static List<String> releaseNames() throws Exception {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(RankedSourcesBench.class.getResourceAsStream("/release/release-names.txt")),
                StandardCharsets.UTF_8))) {
            return in.lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#") && !Character.isWhitespace(line.charAt(0)))
                    .toList();
        }
    }

    private static <T> T make(Class<T> type, Class<?>[] parameters, Object... arguments) throws Exception {
        Constructor<T> constructor = type.getDeclaredConstructor(parameters);
        constructor.setAccessible(true);
        return constructor.newInstance(arguments);
    }

    private static Method accessible(Method method) {
        method.setAccessible(true);
        return method;
    }

    /** A provider that takes 200 ms, as a remote one does, then answers its share with random hashes and counts. */
    private record SlowProvider(String name, int count, List<String> names) implements SourceProvider {

        @Override
        public boolean enabled() {
            return true;
        }

        @Override
        public List<FoundSource> find(TitleQuery query) {
            try {
                Thread.sleep(PROVIDER_DELAY_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return List.of();
            }
            Random random = new Random((query.imdbId() + name).hashCode());
            List<FoundSource> found = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                byte[] hash = new byte[20];
                random.nextBytes(hash);
                String hex = HexFormat.of().formatHex(hash);
                String release = names.get(random.nextInt(names.size()));
                Integer seeders = random.nextInt(10) == 0 ? null : random.nextInt(3_000);
                found.add(new FoundSource(
                        hex,
                        "magnet:?xt=urn:btih:" + hex,
                        release,
                        (300L << 20) + random.nextLong(15L << 30),
                        seeders,
                        seeders == null ? null : random.nextInt(500),
                        name,
                        List.of("udp://tracker.opentrackr.org:1337/announce"),
                        null,
                        null,
                        null));
            }
            return found;
        }
    }

    /** Storage left out: the batch of upserts is not sent anywhere (a real one needs Postgres). */
    /**
     * A database that takes the sources' batch write and nothing else: any other statement fails as a database
     * that is down does, which the search survives (it logs and answers).
     */
    private static final class NoWrites extends JdbcTemplate {
        NoWrites() {
            super(new org.springframework.jdbc.datasource.AbstractDataSource() {
                @Override
                public java.sql.Connection getConnection() throws java.sql.SQLException {
                    throw new java.sql.SQLException("no database in this benchmark");
                }

                @Override
                public java.sql.Connection getConnection(String user, String password) throws java.sql.SQLException {
                    return getConnection();
                }
            });
        }

        @Override
        public <T> int[][] batchUpdate(
                String sql, Collection<T> batchArgs, int batchSize, ParameterizedPreparedStatementSetter<T> setter) {
            return new int[0][];
        }
    }
}
