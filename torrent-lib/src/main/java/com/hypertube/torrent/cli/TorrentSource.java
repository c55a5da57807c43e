package com.hypertube.torrent.cli;

import com.hypertube.torrent.magnet.InvalidMagnetException;
import com.hypertube.torrent.magnet.MagnetLink;
import com.hypertube.torrent.metainfo.Metainfo;
import com.hypertube.torrent.metainfo.MetainfoException;
import com.hypertube.torrent.peer.PeerAddress;
import com.hypertube.torrent.session.TorrentClient;
import com.hypertube.torrent.session.TorrentHandle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A torrent named on the command line: a magnet link, or the path of a .torrent file. */
record TorrentSource(Metainfo metainfo, MagnetLink magnet) {

    static TorrentSource parse(String text) throws UsageException, IOException {
        try {
            if (text.regionMatches(true, 0, "magnet:", 0, 7)) {
                return new TorrentSource(null, MagnetLink.parse(text));
            }
            Path file = Path.of(text);
            if (Files.size(file) > Metainfo.MAX_TORRENT_BYTES) {
                throw new UsageException(text + " is too large to be a .torrent file");
            }
            return new TorrentSource(Metainfo.parse(Files.readAllBytes(file)), null);
        } catch (InvalidMagnetException e) {
            throw new UsageException("bad magnet link: " + e.getMessage());
        } catch (MetainfoException e) {
            throw new UsageException(text + ": " + e.getMessage());
        } catch (NoSuchFileException e) {
            throw new UsageException("no such file: " + text);
        }
    }

    TorrentHandle addTo(TorrentClient client) throws UsageException {
        try {
            return metainfo != null ? client.add(metainfo) : client.add(magnet);
        } catch (MetainfoException e) {
            throw new UsageException(e.getMessage());
        }
    }

    static List<PeerAddress> peers(List<String> texts) throws UsageException {
        List<PeerAddress> peers = new ArrayList<>();
        for (String text : texts) {
            try {
                peers.add(PeerAddress.parse(text));
            } catch (IllegalArgumentException e) {
                throw new UsageException("bad --peer: " + e.getMessage());
            }
        }
        return peers;
    }
}
