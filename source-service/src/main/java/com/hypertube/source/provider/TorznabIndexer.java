package com.hypertube.source.provider;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.hypertube.source.SourceProperties;
import com.hypertube.source.SourceProperties.Indexer;
import com.hypertube.source.provider.TorznabXml.Caps;
import com.hypertube.source.provider.TorznabXml.Item;
import com.hypertube.web.cache.ClockTicker;
import com.hypertube.web.client.OutboundHttp;
import com.hypertube.web.client.ProviderCalls;
import com.hypertube.web.client.ProviderException;
import com.hypertube.web.client.ProviderException.Reason;
import java.net.URI;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One Torznab indexer (a Jackett or Prowlarr feed, or an indexer speaking Torznab itself), with its own
 * circuit breaker, Retry-After and call rate. Its capabilities decide how it is searched: by IMDb id when it
 * says it can ({@code t=movie&imdbid=}, {@code t=tvsearch&imdbid=&season=&ep=}), else by words
 * ({@code t=search&q=}).
 */
final class TorznabIndexer {

    private final Indexer indexer;
    private final ProviderCalls calls;
    private final CallRate rate;
    // One entry, the capabilities, asked again after the TTL; Caffeine makes searches at once ask only once.
    private final LoadingCache<String, Caps> caps;

    TorznabIndexer(Indexer indexer, SourceProperties.Torznab settings, InstantSource clock) {
        SourceProperties.Limits limits = settings.limits();
        this.indexer = indexer;
        this.calls = new ProviderCalls(
                indexer.name(),
                OutboundHttp.client(indexer.url(), limits.connectTimeout(), limits.readTimeout()),
                clock);
        this.rate = new CallRate("Torznab " + indexer.name(), limits);
        this.caps = Caffeine.newBuilder()
                .expireAfterWrite(settings.capsTtl())
                .ticker(ClockTicker.of(clock))
                .build(key -> TorznabXml.caps(indexer.name(), call(Map.of("t", "caps"))));
    }

    String name() {
        return indexer.name();
    }

    /**
     * The indexer's items for the title, or a {@link ProviderException} when it could not be asked or refused.
     * The capabilities call takes no turn of the call rate: it is made once an hour.
     */
    List<Item> search(TitleQuery query) {
        Caps can = caps.get("caps");
        if (!rate.tryCall()) {
            throw new ProviderException(indexer.name(), Reason.RATE_LIMITED, "over its call rate", null, null);
        }
        return TorznabXml.items(indexer.name(), call(params(query, can)));
    }

    /** A free-text search ({@code t=search&q=}), which every Torznab indexer supports. */
    List<Item> search(String words) {
        if (!rate.tryCall()) {
            throw new ProviderException(indexer.name(), Reason.RATE_LIMITED, "over its call rate", null, null);
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("t", "search");
        params.put("q", words);
        return TorznabXml.items(indexer.name(), call(params));
    }

    private static Map<String, String> params(TitleQuery query, Caps can) {
        Map<String, String> params = new LinkedHashMap<>();
        if (!query.isEpisode() && can.movieByImdb()) {
            params.put("t", "movie");
            params.put("imdbid", query.imdbId());
        } else if (query.isEpisode() && can.tvByImdb()) {
            params.put("t", "tvsearch");
            params.put("imdbid", query.imdbId());
            params.put("season", String.valueOf(query.season()));
            params.put("ep", String.valueOf(query.episode()));
        } else {
            params.put("t", "search");
            params.put("q", words(query));
        }
        return params;
    }

    /** "The Matrix 1999" or "Breaking Bad S01E03": how release names spell them, so a word search finds them. */
    static String words(TitleQuery query) {
        if (query.isEpisode()) {
            return query.title() + " " + query.episodeMarker();
        }
        return query.year() == null ? query.title() : query.title() + " " + query.year();
    }

    private String call(Map<String, String> params) {
        Map<String, String> all = new LinkedHashMap<>(params);
        if (indexer.apiKey() != null && !indexer.apiKey().isBlank()) {
            all.put("apikey", indexer.apiKey());
        }
        // The indexer's address is the Torznab endpoint itself: no path after it.
        Optional<String> body = calls.get("", all, null);
        return body.orElseThrow(() -> new ProviderException(
                indexer.name(), Reason.UNAVAILABLE, "answered 404: not a Torznab endpoint", null, null));
    }

    /** Where the indexer is, for logs (never with its key). */
    URI url() {
        return indexer.url();
    }
}
