package com.hypertube.torrent.session;

import com.hypertube.torrent.metainfo.TorrentInfo;
import com.hypertube.torrent.storage.Storage;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Resume: the pieces already in storage whose hash is right. Only pieces whose files exist and are long
 * enough are read, so a fresh download is checked in no time.
 */
final class ExistingData {

    private ExistingData() {}

    static List<Integer> verifiedPieces(Storage storage, TorrentInfo info) throws IOException {
        byte[] buffer = new byte[(int) info.pieceLength()];
        MessageDigest sha1 = TorrentSession.sha1();
        List<Integer> verified = new ArrayList<>();
        for (int piece = 0; piece < info.pieceCount(); piece++) {
            int length = info.pieceLength(piece);
            if (storage.mayHoldData(info.pieceOffset(piece), length)) {
                storage.read(info.pieceOffset(piece), buffer, 0, length);
                sha1.update(buffer, 0, length);
                if (Arrays.equals(sha1.digest(), info.pieceHash(piece))) {
                    verified.add(piece);
                }
            }
        }
        return verified;
    }
}
