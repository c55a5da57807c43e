package com.hypertube.torrent.session;

import com.hypertube.torrent.metainfo.InfoHash;
import com.hypertube.torrent.metainfo.TorrentFile;
import com.hypertube.torrent.metainfo.TorrentInfo;
import com.hypertube.torrent.peer.PeerAddress;
import com.hypertube.torrent.storage.FileStorage;
import com.hypertube.torrent.stream.TorrentFileReader;
import com.hypertube.torrent.tracker.Announcer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** One torrent of a {@link TorrentClient}: watch it, choose its files, read them, pause or remove it. */
public final class TorrentHandle {

    private final TorrentSession session;
    private final Announcer announcer;
    private final Path downloadRoot;
    private final Runnable onRemove;

    TorrentHandle(TorrentSession session, Announcer announcer, Path downloadRoot, Runnable onRemove) {
        this.session = session;
        this.announcer = announcer;
        this.downloadRoot = downloadRoot;
        this.onRemove = onRemove;
    }

    public InfoHash infoHash() {
        return session.infoHash;
    }

    /** Completes when the info dictionary is known: at once for a .torrent, from peers for a magnet. */
    public CompletableFuture<TorrentInfo> metadata() {
        return session.metadata();
    }

    /**
     * The exact bytes of the info dictionary, once known: saved, they let the torrent be added again later
     * without asking peers ({@code Metainfo.fromInfo}).
     */
    public java.util.Optional<byte[]> infoBytes() {
        return java.util.Optional.ofNullable(session.rawInfo());
    }

    /** The torrent's real files (no padding), or an empty list before the metadata is known. */
    public List<TorrentFile> files() {
        TorrentInfo info = session.info();
        return info == null ? List.of() : info.files();
    }

    /** Downloads only these files (by index); the others' pieces are fetched only where they share one. */
    public void select(Set<Integer> fileIndexes) {
        session.select(fileIndexes);
    }

    public void selectAll() {
        session.select(null);
    }

    public TorrentStatus status() {
        return session.status();
    }

    /** The state alone: cheap, unlike {@link #status()}, which counts pieces and copies the bitfield. */
    public TorrentState state() {
        return session.state();
    }

    /** Why the torrent failed, while its state is {@link TorrentState#FAILED}. */
    public java.util.Optional<String> failure() {
        return java.util.Optional.ofNullable(session.failure());
    }

    public void addListener(Consumer<TorrentEvent> listener) {
        session.addListener(listener);
    }

    /**
     * Completes when every wanted piece is had (at once if that is so already), or exceptionally when the
     * torrent fails (at once if it has failed already).
     */
    public CompletableFuture<Void> completion() {
        CompletableFuture<Void> completion = new CompletableFuture<>();
        addListener(event -> {
            switch (event) {
                case TorrentEvent.Completed ignored -> completion.complete(null);
                case TorrentEvent.Failed failed -> completion.completeExceptionally(new IOException(failed.reason()));
                default -> {}
            }
        });
        if (state() == TorrentState.SEEDING) {
            completion.complete(null);
        }
        String failure = session.failure();
        if (failure != null) {
            completion.completeExceptionally(new IOException(failure));
        }
        return completion;
    }

    /** Peers to connect to besides those trackers give. */
    public void addPeers(List<PeerAddress> peers) {
        session.addPeers(peers);
    }

    public List<PeerAddress> peers() {
        return session.connectedPeers();
    }

    /** Each connected peer: client, rates, choke and interest state, pieces, requests in flight. */
    public List<PeerInfo> peerInfos() {
        return session.peerInfos();
    }

    /** Each open reader's window of time-critical pieces, in the order the readers were opened. */
    public List<ReaderWindow> readerWindows() {
        return session.readerWindows();
    }

    public void pause() {
        session.pause();
    }

    public void resume() {
        session.resume();
    }

    /** Stops the torrent and forgets it; with {@code deleteData}, its files are deleted too. */
    public void remove(boolean deleteData) throws IOException {
        TorrentInfo info = session.info();
        stop();
        onRemove.run();
        if (deleteData && info != null && downloadRoot != null) {
            FileStorage paths = new FileStorage(downloadRoot, info);
            for (TorrentFile file : info.layout()) {
                Files.deleteIfExists(paths.pathOf(file));
            }
        }
    }

    /**
     * Where a file of a complete torrent is on disk, to serve it straight from there (no piece bookkeeping,
     * no waiting): empty while the torrent downloads, or when its data is not in files.
     */
    public java.util.Optional<Path> completedFile(int fileIndex) throws IOException {
        TorrentInfo info = session.info();
        if (info == null
                || fileIndex < 0
                || fileIndex >= info.files().size()
                || session.state() != TorrentState.SEEDING
                || !(session.storage() instanceof FileStorage files)) {
            return java.util.Optional.empty();
        }
        Path path = files.pathOf(info.files().get(fileIndex));
        return Files.isRegularFile(path)
                        && Files.size(path) == info.files().get(fileIndex).length()
                ? java.util.Optional.of(path)
                : java.util.Optional.empty();
    }

    /**
     * How many bytes of file {@code fileIndex}, from its start, are downloaded and verified (its whole length once
     * complete, 0 before the metadata): what can be read now without waiting, e.g. to look into a file still
     * downloading without fetching the rest first.
     */
    public long verifiedPrefix(int fileIndex) {
        TorrentInfo info = session.info();
        if (info == null || fileIndex < 0 || fileIndex >= info.files().size()) {
            return 0;
        }
        return session.verifiedPrefix(info.files().get(fileIndex));
    }

    /**
     * A seekable, blocking reader of one file: a read waits (up to {@code timeout}) for the pieces under
     * it, which it makes the most urgent of the torrent, with a readahead window behind them.
     */
    public TorrentFileReader openFile(int fileIndex, Duration timeout) throws IOException {
        TorrentInfo info = session.info();
        if (info == null) {
            throw new IOException("the torrent's metadata is not known yet");
        }
        if (fileIndex < 0 || fileIndex >= info.files().size()) {
            throw new IOException(
                    "no file " + fileIndex + ": the torrent has " + info.files().size());
        }
        return new TorrentFileReader(session, info, info.files().get(fileIndex), timeout);
    }

    void stop() {
        if (announcer != null) {
            announcer.stop();
        }
        session.stop();
    }

    TorrentSession session() {
        return session;
    }
}
