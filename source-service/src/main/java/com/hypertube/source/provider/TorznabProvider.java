package com.hypertube.source.provider;

import com.hypertube.source.SourceProperties;
import com.hypertube.source.provider.TorznabXml.Item;
import com.hypertube.web.client.ProviderException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Films and episodes from the configured Torznab indexers, asked at once (virtual threads). An indexer that is
 * down, slow, over its rate or answers an {@code <error>} is left out of this search with a warning; the others
 * still answer. Each source is named after its indexer.
 *
 * <p>An item needs an info hash or a magnet ({@code torznab:attr infohash/magneturl}, or a magnet in
 * {@code link}): a bare .torrent download link is not fetched here, so such items are dropped.
 */
@Component
class TorznabProvider implements SourceProvider {

    static final String NAME = "Torznab";
    private static final Logger log = LoggerFactory.getLogger(TorznabProvider.class);

    private final List<TorznabIndexer> indexers;

    TorznabProvider(SourceProperties properties, InstantSource clock) {
        this.indexers = properties.torznab().indexers().stream()
                .map(indexer -> new TorznabIndexer(indexer, properties.torznab(), clock))
                .toList();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean enabled() {
        return !indexers.isEmpty();
    }

    @Override
    public List<FoundSource> find(TitleQuery query) {
        return everyIndexer(indexer -> indexer.search(query).stream()
                .map(item -> source(indexer.name(), item, query))
                .flatMap(Optional::stream)
                .toList());
    }

    /** Free words, {@code t=search}: the indexer's matches as they come, none filtered by IMDb id. */
    @Override
    public List<FoundSource> search(String words) {
        return everyIndexer(indexer -> indexer.search(words).stream()
                .map(item -> source(indexer.name(), item, null))
                .flatMap(Optional::stream)
                .toList());
    }

    private List<FoundSource> everyIndexer(Function<TorznabIndexer, List<FoundSource>> search) {
        Map<String, String> context = MDC.getCopyOfContextMap();
        List<FoundSource> found = new ArrayList<>();
        // Closing waits for every indexer; an interrupt (the search's deadline) cancels those still asking.
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<List<FoundSource>>> answers = indexers.stream()
                    .map(indexer -> executor.submit(() -> {
                        if (context != null) {
                            MDC.setContextMap(context); // the request id, on the indexer's log lines and calls
                        }
                        return ask(indexer, search);
                    }))
                    .toList();
            for (Future<List<FoundSource>> answer : answers) {
                found.addAll(answerOf(answer));
            }
        }
        return found;
    }

    private static List<FoundSource> answerOf(Future<List<FoundSource>> answer) {
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer.cancel(true);
        } catch (ExecutionException e) {
            log.warn("Torznab: an indexer failed unexpectedly", e.getCause());
        }
        return List.of();
    }

    private static List<FoundSource> ask(TorznabIndexer indexer, Function<TorznabIndexer, List<FoundSource>> search) {
        try {
            return search.apply(indexer);
        } catch (ProviderException e) {
            log.warn("Torznab indexer {} ({}) left out of this search: {}", indexer.name(), e.reason(), e.getMessage());
            return List.of();
        }
    }

    private static Optional<FoundSource> source(String indexer, Item item, TitleQuery query) {
        Map<String, String> attrs = item.attrs();
        String imdb = attrs.getOrDefault("imdbid", attrs.get("imdb"));
        if (query != null && imdb != null && !sameImdbId(imdb, query.imdbId())) {
            return Optional.empty(); // a word search finds other titles too; the indexer says which one this is
        }
        String magnet = attrs.get("magneturl");
        if (magnet == null) {
            magnet = magnetOrNull(item.link());
        }
        if (magnet == null) {
            magnet = magnetOrNull(item.enclosureUrl());
        }
        Integer seeders = integer(attrs.get("seeders"));
        Integer peers = integer(attrs.get("peers"));
        // Torznab's peers are everyone in the swarm, seeders included.
        Integer leechers = seeders != null && peers != null && peers >= seeders ? peers - seeders : null;
        Long size = number(item.size() != null ? item.size() : attrs.get("size"));
        FoundSource.Builder source = FoundSource.from(indexer)
                .hash(attrs.get("infohash"))
                .magnet(magnet)
                .name(item.title())
                .size(size)
                .peers(seeders, leechers);
        if (query != null && query.isEpisode()) {
            source.episode(query.season(), query.episode());
        }
        return source.build();
    }

    private static String magnetOrNull(String text) {
        return text != null && text.strip().regionMatches(true, 0, "magnet:", 0, 7) ? text.strip() : null;
    }

    // "tt0133093", "0133093" and "133093" are one id: indexers write it every way.
    private static boolean sameImdbId(String given, String asked) {
        String digits = given.strip().replaceFirst("^tt", "").replaceFirst("^0+", "");
        return digits.isEmpty() || digits.equals(asked.substring(2).replaceFirst("^0+", ""));
    }

    private static Integer integer(String text) {
        Long value = number(text);
        return value == null || value > Integer.MAX_VALUE ? null : value.intValue();
    }

    private static Long number(String text) {
        try {
            return text == null ? null : Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
