package com.hypertube.source.provider;

import com.hypertube.source.SourceProperties;
import com.hypertube.web.client.OutboundHttp;
import com.hypertube.web.client.ProviderCalls;
import com.hypertube.web.client.ProviderException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Episodes from EZTV's API: {@code get-torrents?imdb_id=<digits>} lists a show's torrents, newest first, 100
 * to a page. Pages are read until the show's count is reached, a page is empty, or 5 pages (an old episode of a
 * long show may lie further back: a search must stay fast and EZTV's rate reasonable). Only the asked episode
 * is kept; a failure half-way keeps the pages read.
 */
@Component
class EztvProvider implements SourceProvider {

    static final String NAME = "EZTV";
    static final int PAGE_SIZE = 100;
    static final int MAX_PAGES = 5;
    private static final Logger log = LoggerFactory.getLogger(EztvProvider.class);

    private final ProviderCalls calls;
    private final CallRate rate;

    EztvProvider(SourceProperties properties, InstantSource clock) {
        SourceProperties.Eztv settings = properties.eztv();
        SourceProperties.Limits limits = settings.limits();
        this.calls = new ProviderCalls(
                NAME, OutboundHttp.client(settings.apiUrl(), limits.connectTimeout(), limits.readTimeout()), clock);
        this.rate = new CallRate(NAME, limits);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public List<FoundSource> find(TitleQuery query) {
        if (!query.isEpisode()) {
            return List.of(); // EZTV has series only
        }
        List<FoundSource> found = new ArrayList<>();
        for (int page = 1; page <= MAX_PAGES; page++) {
            Optional<EztvAnswer> answer = page(query.imdbDigits(), page);
            if (answer.isEmpty()) {
                break;
            }
            List<EztvAnswer.Torrent> torrents = answer.get().torrentsOrEmpty();
            for (EztvAnswer.Torrent torrent : torrents) {
                if (number(torrent.season()) == query.season() && number(torrent.episode()) == query.episode()) {
                    source(torrent, query).ifPresent(found::add);
                }
            }
            Integer count = answer.get().torrentsCount();
            if (torrents.isEmpty() || count == null || (long) page * PAGE_SIZE >= count) {
                break;
            }
        }
        return found;
    }

    private Optional<EztvAnswer> page(String imdbDigits, int page) {
        if (!rate.tryCall()) {
            log.info("EZTV skipped from page {} of this search: over its call rate", page);
            return Optional.empty();
        }
        try {
            Map<String, String> params = new java.util.LinkedHashMap<>();
            params.put("imdb_id", imdbDigits);
            params.put("limit", String.valueOf(PAGE_SIZE));
            params.put("page", String.valueOf(page));
            return calls.get("/get-torrents", params, null).map(body -> calls.parse(body, EztvAnswer.class));
        } catch (ProviderException e) {
            log.warn("EZTV failed on page {}: {}", page, e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<FoundSource> source(EztvAnswer.Torrent torrent, TitleQuery query) {
        Long size = null;
        try {
            size = torrent.sizeBytes() == null
                    ? null
                    : Long.valueOf(torrent.sizeBytes().strip());
        } catch (NumberFormatException notANumber) {
            // the size is only a hint: the source stands without it
        }
        return FoundSource.from(NAME)
                .hash(torrent.hash())
                .magnet(torrent.magnetUrl())
                .name(torrent.filename() != null ? torrent.filename() : torrent.title())
                .size(size)
                .peers(torrent.seeds(), torrent.peers())
                .episode(query.season(), query.episode())
                .build();
    }

    /** EZTV's season or episode string as a number, or -1 when it is none ("", "N/A", a date). */
    private static int number(String text) {
        try {
            return text == null ? -1 : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
