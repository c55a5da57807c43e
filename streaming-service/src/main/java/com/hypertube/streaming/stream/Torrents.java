package com.hypertube.streaming.stream;

import com.hypertube.streaming.StreamingProperties;
import com.hypertube.streaming.cooldown.Cooldowns;
import com.hypertube.streaming.torrent.TorrentEngine;
import com.hypertube.torrent.metainfo.InfoHash;
import com.hypertube.torrent.metainfo.TorrentInfo;
import com.hypertube.torrent.session.TorrentHandle;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;

/**
 * A torrent as a request names it — by the info hash in its path — for the stream and the playback
 * endpoints alike: the hash checked, the torrent running (started again if it was saved, refused during a
 * cooldown), and its metadata awaited with the problems a viewer understands.
 */
@Component
public class Torrents {

    private final TorrentEngine engine;
    private final Cooldowns cooldowns;
    private final InstantSource clock;
    private final Duration metadataTimeout;

    Torrents(TorrentEngine engine, Cooldowns cooldowns, InstantSource clock, StreamingProperties properties) {
        this.engine = engine;
        this.cooldowns = cooldowns;
        this.clock = clock;
        this.metadataTimeout = properties.torrent().metadataTimeout();
    }

    /** An info hash in hex (40) or base32 (32), or a 400 {@code invalid-source}. */
    public InfoHash parseHash(String text) {
        try {
            return text.length() == 32 ? InfoHash.fromBase32(text) : InfoHash.fromHex(text);
        } catch (IllegalArgumentException e) {
            throw StreamProblems.invalidSource("Invalid info hash: " + e.getMessage());
        }
    }

    /** The torrent, started again if it was saved; during a cooldown, a 503 that says until when. */
    public TorrentHandle running(InfoHash hash) {
        // A running torrent is not on cooldown: only a stopped one costs a look in the database.
        Optional<TorrentHandle> live = engine.running(hash);
        if (live.isPresent()) {
            return live.get();
        }
        refuseDuringCooldown(hash);
        return engine.find(hash).orElseThrow(() -> StreamProblems.unknownTorrent(hash.hex()));
    }

    void refuseDuringCooldown(InfoHash hash) {
        cooldowns.active(hash.hex()).ifPresent(cooldown -> {
            throw StreamProblems.cooldown(cooldown, clock.instant());
        });
    }

    /** The torrent's metadata, waiting for a magnet's (call from a virtual thread, never a request thread). */
    public TorrentInfo awaitMetadata(TorrentHandle torrent) {
        try {
            return torrent.metadata().get(metadataTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // Nobody to ask is a different story from a slow answer: the failing request says so.
            throw torrent.status().peers() == 0
                    ? StreamProblems.noPeers(torrent.infoHash().hex())
                    : StreamProblems.metadataPending(torrent.infoHash().hex());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw StreamProblems.metadataPending(torrent.infoHash().hex());
        }
    }

    /** File {@code index} of the torrent, or a 404 {@code unknown-file}. */
    public static void checkFileIndex(TorrentInfo info, int index) {
        if (index < 0 || index >= info.files().size()) {
            throw StreamProblems.unknownFile(index, info.files().size());
        }
    }
}
