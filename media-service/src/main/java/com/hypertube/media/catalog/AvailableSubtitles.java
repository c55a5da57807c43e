package com.hypertube.media.catalog;

import com.hypertube.contract.events.Events;
import com.hypertube.contract.events.SubtitlesFoundEvent;
import com.hypertube.web.events.EventJson;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.annotation.Exchange;
import org.springframework.amqp.rabbit.annotation.Queue;
import org.springframework.amqp.rabbit.annotation.QueueBinding;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The subtitle languages each film can be watched with, learned from streaming-service's {@link
 * SubtitlesFoundEvent}s (the tracks of a video played for the film: inside it, beside it in the torrent, or from
 * OpenSubtitles). The queue is media-service's own and durable. Episodes are not kept: the public API's film is
 * what shows them.
 */
@Component
public class AvailableSubtitles {

    static final String QUEUE = "media.subtitles-found";
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
    private static final int MOST_LANGUAGES = 40;

    private final JdbcClient jdbc;

    AvailableSubtitles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @RabbitListener(
            bindings =
                    @QueueBinding(
                            value = @Queue(value = QUEUE, durable = "true"),
                            exchange =
                                    @Exchange(
                                            value = "${hypertube.events.exchange:" + Events.EXCHANGE + "}",
                                            type = "topic"),
                            key = Events.SUBTITLES_FOUND))
    void found(Message message) {
        record(EventJson.read(message, SubtitlesFoundEvent.class));
    }

    /** Keeps a film's languages (an episode's, or a film not in the catalog, are let go). */
    void record(SubtitlesFoundEvent event) {
        if (event.season() != 0 || event.episode() != 0) {
            return;
        }
        List<UUID> films = jdbc.sql("SELECT id FROM titles WHERE kind = 'movie' AND imdb_id = ?")
                .param(event.imdbId())
                .query(UUID.class)
                .list();
        for (UUID film : films) {
            event.languages().stream()
                    .filter(language ->
                            language != null && LANGUAGE.matcher(language).matches())
                    .limit(MOST_LANGUAGES)
                    .forEach(language -> jdbc.sql("""
                                    INSERT INTO title_subtitles (title_id, language, found_at) VALUES (?, ?, ?)
                                    ON CONFLICT (title_id, language) DO UPDATE SET found_at = EXCLUDED.found_at
                                    """)
                            .params(film, language, Timestamp.from(event.foundAt()))
                            .update());
        }
    }

    /** A film's subtitle languages, in alphabetical order. */
    public List<String> of(UUID titleId) {
        return jdbc.sql("SELECT language FROM title_subtitles WHERE title_id = ? ORDER BY language")
                .param(titleId)
                .query(String.class)
                .list();
    }
}
