package com.hypertube.streaming.conversion;

import com.hypertube.streaming.StreamingProperties;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.InstantSource;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The {@code conversion_jobs} rows, and their messages on the {@code conversion} queue (the row always first). */
@Component
public class ConversionJobs {

    private static final Logger log = LoggerFactory.getLogger(ConversionJobs.class);

    private final JdbcClient jdbc;
    private final RabbitTemplate rabbit;
    private final StreamingProperties.Messaging messaging;
    private final InstantSource clock;

    ConversionJobs(JdbcClient jdbc, RabbitTemplate rabbit, StreamingProperties properties, InstantSource clock) {
        this.jdbc = jdbc;
        this.rabbit = rabbit;
        this.messaging = properties.messaging();
        this.clock = clock;
    }

    /** A job for the file unless it has one already (converting twice is never needed); sent to the workers. */
    void request(String infoHash, int fileIndex) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        int inserted = jdbc.sql("""
                INSERT INTO conversion_jobs (id, info_hash, file_index, status, created_at, updated_at)
                VALUES (:id, :hash, :index, 'PENDING', :now, :now)
                ON CONFLICT (info_hash, file_index) DO NOTHING
                """)
                .param("id", id)
                .param("hash", infoHash)
                .param("index", fileIndex)
                .param("now", now)
                .update();
        if (inserted == 1) {
            send(id);
        }
    }

    /** Sends the job again (a retry): a lost message only delays it until the broker is back. */
    void send(UUID id) {
        try {
            rabbit.convertAndSend(messaging.exchange(), messaging.conversionQueue(), id.toString());
        } catch (AmqpException e) {
            log.warn("Conversion job {} recorded but not sent ({}): sent again at the next start", id, e.getMessage());
        }
    }

    public Optional<ConversionJob> find(UUID id) {
        return jdbc.sql("SELECT * FROM conversion_jobs WHERE id = :id")
                .param("id", id)
                .query(this::row)
                .optional();
    }

    public Optional<ConversionJob> forFile(String infoHash, int fileIndex) {
        return jdbc.sql("SELECT * FROM conversion_jobs WHERE info_hash = :hash AND file_index = :index")
                .param("hash", infoHash)
                .param("index", fileIndex)
                .query(this::row)
                .optional();
    }

    /** Marks the job RUNNING and counts the attempt; false when it is DONE or FAILED already (a redelivery). */
    boolean start(UUID id) {
        return jdbc.sql("""
                UPDATE conversion_jobs SET status = 'RUNNING', attempts = attempts + 1, updated_at = :now
                WHERE id = :id AND status IN ('PENDING', 'RUNNING')
                """)
                        .param("id", id)
                        .param("now", Timestamp.from(clock.instant()))
                        .update()
                == 1;
    }

    void finish(UUID id, ConversionJob.Status status, String reason) {
        jdbc.sql("UPDATE conversion_jobs SET status = :status, reason = :reason, updated_at = :now WHERE id = :id")
                .param("id", id)
                .param("status", status.name())
                .param("reason", reason == null ? null : reason.substring(0, Math.min(reason.length(), 1000)))
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    /**
     * Sends again the jobs left PENDING for long: their message was lost (the broker down when it was sent). A job
     * RUNNING when its service stopped needs nothing: its message was not acknowledged, the broker delivers it
     * again.
     */
    @Scheduled(fixedDelayString = "5m", initialDelayString = "1m")
    void resendStalePending() {
        jdbc.sql("SELECT id FROM conversion_jobs WHERE status = 'PENDING' AND updated_at < :before")
                .param("before", Timestamp.from(clock.instant().minus(java.time.Duration.ofMinutes(2))))
                .query(UUID.class)
                .list()
                .forEach(this::send);
    }

    private ConversionJob row(ResultSet row, int n) throws SQLException {
        return new ConversionJob(
                row.getObject("id", UUID.class),
                row.getString("info_hash"),
                row.getInt("file_index"),
                ConversionJob.Status.valueOf(row.getString("status")),
                row.getInt("attempts"),
                row.getString("reason"),
                row.getTimestamp("updated_at").toInstant());
    }
}
