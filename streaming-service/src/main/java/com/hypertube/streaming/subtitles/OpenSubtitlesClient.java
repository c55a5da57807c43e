package com.hypertube.streaming.subtitles;

import com.hypertube.web.client.OutboundHttp;
import com.hypertube.web.client.ProviderCalls;
import com.hypertube.web.client.ProviderException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * OpenSubtitles' REST API: {@code GET /subtitles} (a search by IMDb id, season and episode, or by moviehash, in
 * some languages), {@code POST /download} (a subtitle file's temporary link, counted against a daily quota) and
 * the link itself. Every call goes through {@link ProviderCalls}: timeouts, {@code 429} and its
 * {@code Retry-After} honoured, a circuit breaker. The download quota is remembered: once OpenSubtitles says it
 * is spent ({@code 406}, or {@code remaining} 0), {@code /download} is not called again before its reset time. A
 * refused key ({@code 401}) turns OpenSubtitles off until the service restarts.
 */
@Component
class OpenSubtitlesClient {

    private static final Logger log = LoggerFactory.getLogger(OpenSubtitlesClient.class);

    /** When OpenSubtitles says the quota is spent without saying until when. */
    private static final Duration DEFAULT_QUOTA_WAIT = Duration.ofHours(1);

    private static final Pattern RESET_TIME = Pattern.compile("(?:(\\d+)\\s*hours?)?\\D*(?:(\\d+)\\s*minutes?)?");

    /** A subtitle file OpenSubtitles has for the title. */
    record Candidate(
            long fileId, String language, String release, String fileName, long downloads, boolean hashMatch) {}

    /** What to search for; {@code imdbId} ({@code tt0133093}) and {@code moviehash} may each be null. */
    record Search(String imdbId, Integer season, Integer episode, String moviehash, List<String> languages) {}

    /** A download's link, and what is left of the quota. */
    record Download(URI link, int remaining, Instant resetAt) {}

    /** The daily download quota is spent until {@code resetAt}. */
    static final class QuotaExhaustedException extends RuntimeException {
        private final Duration retryAfter;

        QuotaExhaustedException(Duration retryAfter) {
            super("OpenSubtitles: download quota exhausted");
            this.retryAfter = retryAfter;
        }

        Duration retryAfter() {
            return retryAfter;
        }
    }

    // OpenSubtitles' documented answers (snake_case; unknown fields ignored).
    record SearchAnswer(Integer totalCount, List<Result> data) {}

    record Result(String id, Attributes attributes) {}

    record Attributes(
            String language,
            Long downloadCount,
            String release,
            Boolean moviehashMatch,
            Boolean aiTranslated,
            Boolean machineTranslated,
            List<FileEntry> files) {}

    record FileEntry(Long fileId, Integer cdNumber, String fileName) {}

    record DownloadAnswer(String link, Integer remaining, String resetTime, String resetTimeUtc, String message) {}

    private final OpenSubtitlesProperties settings;
    private final InstantSource clock;
    private final ProviderCalls api;
    private final ProviderCalls files;
    private final AtomicBoolean refused = new AtomicBoolean();
    private final AtomicReference<Instant> quotaResetAt = new AtomicReference<>(Instant.EPOCH);
    private volatile int remaining = -1;

    OpenSubtitlesClient(OpenSubtitlesProperties settings, InstantSource clock) {
        this.settings = settings;
        this.clock = clock;
        URI base = URI.create(settings.apiUrl().toString().replaceAll("/+$", "") + "/");
        var http = OutboundHttp.client(base, settings.timeout(), settings.timeout());
        this.api = new ProviderCalls("OpenSubtitles", http, clock);
        this.files = new ProviderCalls("OpenSubtitles files", http, clock);
    }

    /** Whether OpenSubtitles may be called: a key is set and it was not refused. */
    boolean enabled() {
        return settings.configured() && !refused.get();
    }

    /** The subtitle files found, each of one file (those in several parts are left out). */
    List<Candidate> search(Search search) {
        Map<String, String> query = new TreeMap<>(); // OpenSubtitles redirects a query not in alphabetical order
        if (search.imdbId() != null) {
            query.put("imdb_id", String.valueOf(Long.parseLong(search.imdbId().substring(2))));
            if (search.season() != null) {
                query.put("season_number", String.valueOf(search.season()));
            }
            if (search.episode() != null) {
                query.put("episode_number", String.valueOf(search.episode()));
            }
        }
        if (search.moviehash() != null) {
            query.put("moviehash", search.moviehash());
        }
        query.put(
                "languages",
                String.join(
                        ",",
                        search.languages().stream()
                                .flatMap(language ->
                                        Arrays.stream(providerLanguage(language).split(",")))
                                .sorted()
                                .distinct()
                                .toList()));
        String body = call(() -> api.get(
                        uri -> {
                            uri.path("subtitles");
                            query.keySet().forEach(name -> uri.queryParam(name, "{" + name + "}"));
                            return uri.build(query);
                        },
                        headers(true)))
                .orElse(null);
        if (body == null) {
            return List.of();
        }
        SearchAnswer answer = api.parse(body, SearchAnswer.class);
        List<Candidate> candidates = new ArrayList<>();
        for (Result result : answer.data() == null ? List.<Result>of() : answer.data()) {
            Attributes attributes = result.attributes();
            if (attributes == null
                    || attributes.files() == null
                    || attributes.files().size() != 1) {
                continue;
            }
            FileEntry file = attributes.files().getFirst();
            String language = attributes.language() == null
                    ? ""
                    : attributes.language().toLowerCase(Locale.ROOT).replaceAll("-.*", "");
            if (file.fileId() == null || file.fileId() <= 0) {
                continue;
            }
            candidates.add(new Candidate(
                    file.fileId(),
                    Languages.of(language).orElse(language),
                    Objects.requireNonNullElse(attributes.release(), ""),
                    Objects.requireNonNullElse(file.fileName(), ""),
                    Objects.requireNonNullElse(attributes.downloadCount(), 0L),
                    Boolean.TRUE.equals(attributes.moviehashMatch())));
        }
        return candidates;
    }

    /** A subtitle file's download link; refused at once while the quota is spent. */
    Download download(long fileId) {
        Instant now = clock.instant();
        Instant reset = quotaResetAt.get();
        if (now.isBefore(reset)) {
            throw new QuotaExhaustedException(Duration.between(now, reset));
        }
        ProviderCalls.Answer answer = call(() -> api.post(
                "download", "{\"file_id\":" + fileId + ",\"sub_format\":\"srt\"}", headers(true), Set.of(406)));
        DownloadAnswer download;
        try {
            download = api.parse(answer.body(), DownloadAnswer.class);
        } catch (ProviderException notJson) {
            if (answer.status() != 406) {
                throw notJson;
            }
            download = new DownloadAnswer(null, null, null, null, "a 406 without its documented body");
        }
        Instant resetAt = resetAt(download);
        if (answer.status() == 406) {
            remaining = 0;
            quotaResetAt.accumulateAndGet(resetAt, (a, b) -> a.isAfter(b) ? a : b);
            log.warn("OpenSubtitles: download quota exhausted until {} ({})", resetAt, download.message());
            throw new QuotaExhaustedException(Duration.between(clock.instant(), resetAt));
        }
        int left = Objects.requireNonNullElse(download.remaining(), -1);
        remaining = left;
        if (download.remaining() != null && left <= 0) {
            quotaResetAt.accumulateAndGet(resetAt, (a, b) -> a.isAfter(b) ? a : b);
            log.warn("OpenSubtitles: last download of the quota, the next ones after {}", resetAt);
        }
        if (download.link() == null) {
            throw new ProviderException(
                    "OpenSubtitles", ProviderException.Reason.MALFORMED, "a download without a link", null, null);
        }
        return new Download(link(download.link()), left, resetAt);
    }

    /** The bytes behind a download link (on OpenSubtitles' host, over HTTPS). */
    byte[] fetch(URI link) {
        return call(() -> files.getBytes(link, headers(false)))
                .orElseThrow(() -> new ProviderException(
                        "OpenSubtitles",
                        ProviderException.Reason.MALFORMED,
                        "a download link that is gone",
                        null,
                        null));
    }

    /** Downloads left today, as last said (-1: not known yet). */
    int remaining() {
        return remaining;
    }

    /**
     * The daily download quota as OpenSubtitles last told it, for an administrator.
     *
     * @param enabled whether OpenSubtitles is used at all (a key is set, and was not refused)
     * @param remaining downloads left today, or null before the first download of this run
     * @param spentUntil when downloads may start again, or null while they may
     */
    record Quota(boolean enabled, Integer remaining, Instant spentUntil) {}

    Quota quota() {
        Instant reset = quotaResetAt.get();
        boolean spent = clock.instant().isBefore(reset);
        // After the reset, yesterday's 0 says nothing: unknown until the next download says.
        Integer left = remaining < 0 || (!spent && remaining == 0) ? null : remaining;
        return new Quota(enabled(), left, spent ? reset : null);
    }

    private URI link(String link) {
        URI uri;
        try {
            uri = URI.create(link);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        URI api = settings.apiUrl();
        boolean https = uri != null && "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null;
        boolean apiHost = uri != null
                && Objects.equals(uri.getScheme(), api.getScheme())
                && Objects.equals(uri.getHost(), api.getHost())
                && uri.getPort() == api.getPort();
        if (!https && !apiHost || uri.getUserInfo() != null) {
            throw new ProviderException(
                    "OpenSubtitles", ProviderException.Reason.MALFORMED, "a download link not over HTTPS", null, null);
        }
        return uri;
    }

    private Instant resetAt(DownloadAnswer answer) {
        Instant now = clock.instant();
        if (answer.resetTimeUtc() != null) {
            try {
                Instant at = Instant.parse(answer.resetTimeUtc());
                return at.isAfter(now) ? at : now.plusSeconds(1);
            } catch (DateTimeParseException notIso) {
                // the words below
            }
        }
        if (answer.resetTime() != null) {
            Matcher words = RESET_TIME.matcher(answer.resetTime());
            if (words.find() && (words.group(1) != null || words.group(2) != null)) {
                long hours = words.group(1) == null ? 0 : Long.parseLong(words.group(1));
                long minutes = words.group(2) == null ? 0 : Long.parseLong(words.group(2));
                return now.plus(Duration.ofHours(hours).plusMinutes(minutes + 1));
            }
        }
        return now.plus(DEFAULT_QUOTA_WAIT);
    }

    private HttpHeaders headers(boolean withKey) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.USER_AGENT, settings.userAgent());
        headers.set(HttpHeaders.ACCEPT, "application/json, */*");
        if (withKey) {
            headers.set("Api-Key", settings.apiKey());
        }
        return headers;
    }

    /** A call; a refused key turns OpenSubtitles off. */
    private <T> T call(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (ProviderException e) {
            if (e.reason() == ProviderException.Reason.REFUSED_KEY && refused.compareAndSet(false, true)) {
                log.warn("OpenSubtitles refused the API key (401): OpenSubtitles is off until the service restarts");
            }
            throw e;
        }
    }

    /** OpenSubtitles' code for a language: its own for Portuguese and Chinese, ISO 639-1 otherwise. */
    private static String providerLanguage(String language) {
        return switch (language) {
            case "pt" -> "pt-br,pt-pt";
            case "zh" -> "zh-cn,zh-tw";
            default -> language;
        };
    }
}
