package com.hypertube.streaming.debug;

import com.hypertube.streaming.download.DownloadJobs;
import com.hypertube.streaming.torrent.TorrentEngine;
import com.hypertube.torrent.metainfo.InfoHash;
import com.hypertube.torrent.metainfo.TorrentInfo;
import com.hypertube.torrent.session.PeerInfo;
import com.hypertube.torrent.session.TorrentHandle;
import com.hypertube.torrent.session.TorrentStatus;
import com.hypertube.web.Caller;
import com.hypertube.web.ProblemTypes;
import java.util.BitSet;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/torrents/{infoHash}/debug}: what the engine knows of a running torrent — its peers' addresses
 * and who is reading where — for the users who asked for that torrent and for admins only.
 */
@RestController
class TorrentDebugController {

    private final TorrentEngine engine;
    private final DownloadJobs jobs;

    TorrentDebugController(TorrentEngine engine, DownloadJobs jobs) {
        this.engine = engine;
        this.jobs = jobs;
    }

    /**
     * @param downloadedBytes what this run of the service fetched from peers (pieces found on disk at start
     *     are not counted)
     * @param pieces the bitfield as a string of 0 and 1, piece 0 first
     * @param readers each open reader's window: the piece under it, the window size, and how many bytes
     *     from its piece on are already verified (buffered ahead)
     */
    record TorrentDebug(
            String infoHash,
            String state,
            double progress,
            long downloadRate,
            long uploadRate,
            long downloadedBytes,
            long pieceLength,
            String pieces,
            List<PeerInfo> peers,
            List<ReaderWindow> readers) {}

    record ReaderWindow(int piece, int windowPieces, long bytesBufferedAhead) {}

    @GetMapping("/api/torrents/{infoHash}/debug")
    TorrentDebug debug(@PathVariable String infoHash, Caller caller) {
        InfoHash hash;
        try {
            hash = InfoHash.fromHex(infoHash);
        } catch (IllegalArgumentException e) {
            throw problem(HttpStatus.BAD_REQUEST, "invalid-source", "Invalid info hash: " + e.getMessage());
        }
        // Another user's torrent is as unknown as one that is not running: its existence is not ours to tell.
        if (!jobs.mayWatch(hash.hex(), caller)) {
            throw problem(HttpStatus.NOT_FOUND, "unknown-torrent", "Torrent " + hash + " is not running.");
        }
        TorrentHandle torrent = engine.torrents().stream()
                .filter(handle -> handle.infoHash().equals(hash))
                .findFirst()
                .orElseThrow(
                        () -> problem(HttpStatus.NOT_FOUND, "unknown-torrent", "Torrent " + hash + " is not running."));
        TorrentStatus status = torrent.status();
        TorrentInfo info = torrent.metadata().getNow(null);
        long pieceLength = info == null ? 0 : info.pieceLength();
        List<ReaderWindow> readers = torrent.readerWindows().stream()
                .map(window -> new ReaderWindow(
                        window.firstPiece(),
                        window.pieceCount(),
                        bufferedAhead(status.pieces(), window.firstPiece(), status.pieceCount(), pieceLength)))
                .toList();
        return new TorrentDebug(
                hash.hex(),
                status.state().name(),
                status.progress(),
                status.downloadRate(),
                status.uploadRate(),
                status.downloadedBytes(),
                pieceLength,
                bits(status.pieces(), status.pieceCount()),
                torrent.peerInfos(),
                readers);
    }

    private static long bufferedAhead(BitSet have, int fromPiece, int pieceCount, long pieceLength) {
        int piece = fromPiece;
        while (piece < pieceCount && have.get(piece)) {
            piece++;
        }
        return (piece - fromPiece) * pieceLength;
    }

    private static String bits(BitSet have, int count) {
        StringBuilder bits = new StringBuilder(count);
        for (int piece = 0; piece < count; piece++) {
            bits.append(have.get(piece) ? '1' : '0');
        }
        return bits.toString();
    }

    private static ErrorResponseException problem(HttpStatus status, String kind, String detail) {
        return ProblemTypes.error(status, kind, detail);
    }
}
