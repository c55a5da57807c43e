package com.hypertube.source.search;

import com.hypertube.contract.events.DownloadCompletedEvent;
import com.hypertube.contract.events.Events;
import com.hypertube.web.events.EventJson;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.annotation.Exchange;
import org.springframework.amqp.rabbit.annotation.Queue;
import org.springframework.amqp.rabbit.annotation.QueueBinding;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The torrents complete on this server, learned from streaming-service's {@link DownloadCompletedEvent}s, so that
 * the ranking puts them first (they start at once). The queue is source-service's own and durable: completions
 * announced while it was down are read when it comes back.
 */
@Component
class DownloadedHere {

    static final String QUEUE = "source.download-completed";

    private final JdbcClient jdbc;

    DownloadedHere(JdbcClient jdbc) {
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
                            key = Events.DOWNLOAD_COMPLETED))
    void completed(Message message) {
        DownloadCompletedEvent event = EventJson.read(message, DownloadCompletedEvent.class);
        jdbc.sql("""
                        INSERT INTO downloaded_here (info_hash, completed_at) VALUES (?, ?)
                        ON CONFLICT (info_hash) DO UPDATE SET completed_at = EXCLUDED.completed_at
                        """)
                .params(event.infoHash(), Timestamp.from(event.completedAt()))
                .update();
    }

    /** Which of these info hashes (lowercase hex) are complete here. */
    Set<String> among(Collection<String> infoHashes) {
        if (infoHashes.isEmpty()) {
            return Set.of();
        }
        List<String> found = jdbc.sql("SELECT info_hash FROM downloaded_here WHERE info_hash = ANY (?)")
                .param(infoHashes.toArray(String[]::new))
                .query(String.class)
                .list();
        return new HashSet<>(found);
    }
}
