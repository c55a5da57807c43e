package com.hypertube.streaming.download;

import com.hypertube.streaming.StreamingProperties;
import com.hypertube.torrent.magnet.MagnetLink;
import java.util.Optional;
import java.util.UUID;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.stereotype.Service;

/**
 * Creating and finding download jobs. A job's row is written before its message is sent (nothing is
 * lost if the broker is down: the row stays PENDING for the reconciler); asking for a torrent already
 * being downloaded gives its job.
 */
@Service
public class DownloadJobs {

    private final DownloadJobRepository repository;
    private final RabbitTemplate rabbit;
    private final StreamingProperties.Messaging messaging;

    DownloadJobs(DownloadJobRepository repository, RabbitTemplate rabbit, StreamingProperties properties) {
        this.repository = repository;
        this.rabbit = rabbit;
        this.messaging = properties.messaging();
    }

    /** The job of this torrent: the running or completed one, or else a new one sent to the workers. */
    public synchronized DownloadJob jobFor(MagnetLink magnet) {
        String infoHash = magnet.infoHash().hex();
        // Running or already completed: join it rather than download again.
        Optional<DownloadJob> existing = repository
                .findUnfinished(infoHash)
                .or(() -> repository.findLatest(infoHash).filter(job -> job.status() == DownloadStatus.COMPLETED));
        if (existing.isPresent()) {
            return existing.get();
        }
        UUID id = UUID.randomUUID();
        repository.insert(id, infoHash, magnet.toUri());
        rabbit.convertAndSend(messaging.exchange(), messaging.downloadQueue(), id.toString());
        return repository.find(id).orElseThrow();
    }

    public Optional<DownloadJob> find(UUID id) {
        return repository.find(id);
    }

    /** The torrent's running job, or else its most recent one. */
    public Optional<DownloadJob> unfinishedOrLatest(String infoHash) {
        return repository.findUnfinished(infoHash).or(() -> repository.findLatest(infoHash));
    }
}
