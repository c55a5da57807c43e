package com.hypertube.streaming.subtitles;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.hypertube.contract.events.SubtitlesFoundEvent;
import com.hypertube.web.cache.ClockTicker;
import com.hypertube.web.events.EventPublisher;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Tells media-service which subtitle languages a title can be watched with ({@link SubtitlesFoundEvent}), when a
 * signed-in user's player lists the tracks of a video it plays for that title. Only OpenSubtitles' tracks count:
 * they were searched by the title's own IMDb id, whereas the tracks inside a torrent say nothing about which title
 * the player claims it is (anyone could list a crafted torrent's subtitle files under any IMDb id). The same news
 * is not sent again for an hour (a player asks for the list again while a track is pending); news the broker did
 * not take is tried again on the next list.
 */
@Component
class FoundSubtitles {

    private final EventPublisher events;
    private final InstantSource clock;
    private final Cache<String, Boolean> told;

    FoundSubtitles(EventPublisher events, InstantSource clock) {
        this.events = events;
        this.clock = clock;
        this.told = Caffeine.newBuilder()
                .maximumSize(10_000)
                .expireAfterWrite(Duration.ofHours(1))
                .ticker(ClockTicker.of(clock))
                .build();
    }

    /** Announces the text tracks' languages for the title, if the player named one and there are any. */
    void announce(OpenSubtitles.Title title, List<SubtitleTrack> tracks) {
        if (title.imdbId() == null) {
            return;
        }
        List<String> languages = tracks.stream()
                .filter(SubtitleTrack::text)
                .filter(track -> track.source().equals("opensubtitles"))
                .map(SubtitleTrack::language)
                .filter(Objects::nonNull)
                .filter(language -> !language.isEmpty())
                .distinct()
                .sorted()
                .toList();
        int season = title.season() == null ? 0 : title.season();
        int episode = title.episode() == null ? 0 : title.episode();
        String key = title.imdbId() + "/" + season + "/" + episode + "/" + languages;
        if (languages.isEmpty() || told.asMap().putIfAbsent(key, true) != null) {
            return;
        }
        if (!events.publish(new SubtitlesFoundEvent(title.imdbId(), season, episode, languages, clock.instant()))) {
            told.asMap().remove(key, true);
        }
    }
}
