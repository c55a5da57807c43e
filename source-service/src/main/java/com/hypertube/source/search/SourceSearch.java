package com.hypertube.source.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.hypertube.source.provider.FoundSource;
import com.hypertube.source.provider.Providers;
import com.hypertube.source.provider.TitleQuery;
import com.hypertube.source.ranking.RankedSource;
import com.hypertube.source.ranking.Ranking;
import com.hypertube.source.release.Quality;
import com.hypertube.web.cache.ClockTicker;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

/**
 * Finds a title's sources (or a free search's), keeps what the providers said for an hour, stores a title's
 * sources with their counts, and ranks them for the quality the caller prefers.
 *
 * <p>The cache holds what the providers found, keyed by what was asked (the IMDb id and episode, or the
 * words), and the ranking is made on each request: ranking is cheap, so asking the same title in another
 * quality costs no provider call either.
 *
 * <p>Every title searched is remembered ({@link SearchedTitles}), for the {@link BackgroundSearch} to search it
 * again once its sources are old.
 */
@Service
class SourceSearch {

    /** How long the providers' answer for one question is reused. */
    static final Duration KEPT = Duration.ofHours(1);

    private static final Logger log = LoggerFactory.getLogger(SourceSearch.class);

    private record Searched(Providers.Found found, Instant at) {}

    private final Providers providers;
    private final StoredSources stored;
    private final SearchedTitles titles;
    private final DownloadedHere downloadedHere;
    private final InstantSource clock;
    private final Cache<String, Searched> cache;

    SourceSearch(
            Providers providers,
            StoredSources stored,
            SearchedTitles titles,
            DownloadedHere downloadedHere,
            InstantSource clock) {
        this.providers = providers;
        this.downloadedHere = downloadedHere;
        this.stored = stored;
        this.titles = titles;
        this.clock = clock;
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(KEPT)
                // The service's clock, so a test moves an hour on instead of waiting one.
                .ticker(ClockTicker.of(clock))
                // Far more distinct titles than an hour of use asks; bounds what a caller can make us hold.
                .maximumSize(10_000)
                .build();
    }

    SourcesAnswer title(TitleQuery query, Quality preferred) {
        // get(key, loader): searches of one title at once ask the providers once.
        Searched searched = cache.get(key(query), ignored -> search(query));
        return answer(searched, preferred);
    }

    /**
     * Asks the providers again for a title, whatever the cache holds, and keeps their answer as a search would:
     * the background search's way of keeping stored sources fresh. Returns how many sources were found.
     */
    int refresh(TitleQuery query) {
        Searched fresh = search(query);
        cache.put(key(query), fresh);
        return fresh.found().sources().size();
    }

    private Searched search(TitleQuery query) {
        Searched fresh = new Searched(providers.find(query), clock.instant());
        store(query, onePerHash(fresh.found().sources()), fresh.at());
        return fresh;
    }

    private static String key(TitleQuery query) {
        return query.isEpisode()
                ? "episode:" + query.imdbId() + ":" + query.season() + ":" + query.episode()
                : "film:" + query.imdbId();
    }

    SourcesAnswer words(String words, Quality preferred) {
        String normalized =
                String.join(" ", words.strip().toLowerCase(Locale.ROOT).split("\\s+"));
        Searched searched = cache.get(
                "words:" + normalized, ignored -> new Searched(providers.search(words.strip()), clock.instant()));
        return answer(searched, preferred);
    }

    private void store(TitleQuery query, List<FoundSource> sources, Instant at) {
        try {
            stored.upsert(query.imdbId(), sources, at);
            titles.searched(query, at); // from now on the background search keeps it fresh
        } catch (DataAccessException e) {
            // The answer is still worth giving: the rows are written again by the next search.
            log.warn("Could not store the {} sources found for {}", sources.size(), query.imdbId(), e);
        }
    }

    private SourcesAnswer answer(Searched searched, Quality preferred) {
        List<FoundSource> sources = onePerHash(searched.found().sources());
        List<RankedSource> ranked = Ranking.rank(sources, preferred, onThisServer(sources));
        return new SourcesAnswer(
                ranked.stream()
                        .map(source -> SourcesAnswer.Source.of(source, searched.at()))
                        .toList(),
                searched.found().outcomes().stream()
                        .map(SourcesAnswer.Provider::of)
                        .toList());
    }

    /** The sources complete on this server; none when the database cannot say (the ranking goes on without). */
    private Set<String> onThisServer(List<FoundSource> sources) {
        try {
            return downloadedHere.among(
                    sources.stream().map(FoundSource::infoHash).toList());
        } catch (DataAccessException e) {
            log.warn("Could not read which sources are on this server: {}", e.getMessage());
            return Set.of();
        }
    }

    /**
     * One source per info hash: the same torrent from two providers is one choice for the user, kept with the
     * most seeders seen (a provider that did not count loses to one that did).
     */
    static List<FoundSource> onePerHash(List<FoundSource> sources) {
        Comparator<FoundSource> bySeeders =
                Comparator.comparing(FoundSource::seeders, Comparator.nullsFirst(Comparator.naturalOrder()));
        Map<String, FoundSource> byHash = new LinkedHashMap<>();
        for (FoundSource source : sources) {
            byHash.merge(source.infoHash(), source, (kept, other) -> bySeeders.compare(other, kept) > 0 ? other : kept);
        }
        return new ArrayList<>(byHash.values());
    }
}
