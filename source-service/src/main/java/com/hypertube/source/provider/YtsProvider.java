package com.hypertube.source.provider;

import com.hypertube.source.SourceProperties;
import com.hypertube.source.provider.FoundSource.Hints;
import com.hypertube.web.client.OutboundHttp;
import com.hypertube.web.client.ProviderCalls;
import com.hypertube.web.client.ProviderException;
import com.hypertube.web.client.ProviderException.Reason;
import java.net.URI;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Films from the YTS API v2, by IMDb id ({@code list_movies.json?query_term=tt…}). YTS lives on mirrors that
 * come and go, so they are tried in turn: one that times out, refuses, fails (5xx, 429, {@code status:"error"})
 * or answers something else than its documented JSON hands over to the next, each with its own circuit
 * breaker and Retry-After. YTS gives hashes, not magnets: magnets are built with the configured trackers.
 */
@Component
public class YtsProvider implements SourceProvider {

    /** The orders {@code list_movies.json} accepts for {@code sort_by}. */
    public static final Set<String> SORTS =
            Set.of("title", "year", "rating", "peers", "seeds", "download_count", "like_count", "date_added");

    static final String NAME = "YTS";
    private static final Logger log = LoggerFactory.getLogger(YtsProvider.class);
    private static final int PAGE_SIZE = 20;

    private record Mirror(URI url, ProviderCalls calls) {}

    private final List<Mirror> mirrors;
    private final List<String> trackers;
    private final CallRate rate;

    YtsProvider(SourceProperties properties, InstantSource clock) {
        SourceProperties.Yts settings = properties.yts();
        SourceProperties.Limits limits = settings.limits();
        this.mirrors = settings.apiUrls().stream()
                .map(url -> new Mirror(
                        url,
                        new ProviderCalls(
                                NAME + " " + url.getHost(),
                                OutboundHttp.client(url, limits.connectTimeout(), limits.readTimeout()),
                                clock)))
                .toList();
        this.trackers = List.copyOf(settings.trackers());
        this.rate = new CallRate(NAME, limits);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean enabled() {
        return !mirrors.isEmpty();
    }

    @Override
    public List<FoundSource> find(TitleQuery query) {
        if (query.isEpisode()) {
            return List.of(); // YTS has films only
        }
        return ask(Map.of("query_term", query.imdbId())).stream()
                .flatMap(answer -> answer.movies().stream())
                // query_term also matches words of titles: keep the film asked for.
                .filter(movie -> query.imdbId().equals(movie.imdbCode()))
                .flatMap(movie -> movie.torrentsOrEmpty().stream()
                        .map(torrent -> source(movie, torrent))
                        .flatMap(Optional::stream))
                .toList();
    }

    /** Films whose titles hold these words ({@code query_term} matches titles, actors and IMDb ids). */
    @Override
    public List<FoundSource> search(String words) {
        return ask(Map.of("query_term", words)).stream()
                .flatMap(answer -> answer.movies().stream())
                .flatMap(movie -> movie.torrentsOrEmpty().stream()
                        .map(torrent -> source(movie, torrent))
                        .flatMap(Optional::stream))
                .toList();
    }

    /**
     * A page of YTS's catalog, 20 films, in one of {@link #SORTS} (newest first is {@code date_added}); empty
     * when every mirror is down.
     */
    public List<YtsMovie> listMovies(int page, String sortBy) {
        if (!SORTS.contains(sortBy)) {
            throw new IllegalArgumentException("YTS sorts by one of " + SORTS);
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("page", String.valueOf(Math.max(1, page)));
        params.put("limit", String.valueOf(PAGE_SIZE));
        params.put("sort_by", sortBy);
        return ask(params).stream()
                .flatMap(answer -> answer.movies().stream())
                .map(YtsProvider::movie)
                .toList();
    }

    private Optional<YtsAnswer> ask(Map<String, String> params) {
        if (!rate.tryCall()) {
            log.info("YTS skipped for this search: over its call rate");
            return Optional.empty();
        }
        for (Mirror mirror : mirrors) {
            try {
                YtsAnswer answer = mirror.calls()
                        .get("/list_movies.json", params, null)
                        .map(body -> mirror.calls().parse(body, YtsAnswer.class))
                        // A 404 means this host no longer serves the API (a parked mirror), not "no film".
                        .orElseThrow(() -> failure(mirror, "answered 404"));
                if (!answer.ok()) {
                    throw failure(
                            mirror,
                            "answered status " + FoundSource.clean(answer.status()) + ": "
                                    + FoundSource.clean(answer.statusMessage()));
                }
                return Optional.of(answer);
            } catch (ProviderException e) {
                log.info("YTS mirror {} failed, trying the next: {}", mirror.url(), e.getMessage());
            }
        }
        log.warn("YTS: every mirror ({}) failed; no YTS sources for this search", mirrors.size());
        return Optional.empty();
    }

    private static ProviderException failure(Mirror mirror, String what) {
        return new ProviderException(NAME + " " + mirror.url().getHost(), Reason.UNAVAILABLE, what, null, null);
    }

    private Optional<FoundSource> source(YtsAnswer.Movie movie, YtsAnswer.Torrent torrent) {
        return FoundSource.from(NAME)
                .hash(torrent.hash())
                .name(releaseName(movie, torrent))
                .size(torrent.sizeBytes())
                .peers(torrent.seeds(), torrent.peers())
                .trackers(trackers)
                .hints(new Hints(
                        torrent.quality(),
                        torrent.type(),
                        torrent.videoCodec(),
                        torrent.bitDepth(),
                        torrent.audioChannels()))
                .build();
    }

    /**
     * YTS gives no release name: this is the one YTS puts on its own files, "The Matrix (1999) [1080p]
     * [BluRay] [YTS]", which the release-name parser reads like any other.
     */
    private static String releaseName(YtsAnswer.Movie movie, YtsAnswer.Torrent torrent) {
        String title = movie.titleLong() != null
                ? movie.titleLong()
                : movie.title() + (movie.year() == null ? "" : " (" + movie.year() + ")");
        StringBuilder name = new StringBuilder(title);
        if (torrent.quality() != null) {
            name.append(" [").append(torrent.quality()).append(']');
        }
        if (torrent.type() != null) {
            name.append(" [").append(typeLabel(torrent.type())).append(']');
        }
        return name.append(" [YTS]").toString();
    }

    private static String typeLabel(String type) {
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "bluray" -> "BluRay";
            case "web" -> "WEB";
            default -> type;
        };
    }

    private static YtsMovie movie(YtsAnswer.Movie movie) {
        return new YtsMovie(
                movie.imdbCode(),
                movie.title(),
                movie.year(),
                movie.rating(),
                movie.genres(),
                movie.summary(),
                webAddress(movie.mediumCoverImage()),
                movie.runtime());
    }

    // A cover is put in a page: only an http(s) address, never javascript: or data:.
    private static URI webAddress(String text) {
        if (text == null) {
            return null;
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null ? uri : null;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }
}
