package com.hypertube.torrent.session;

import com.hypertube.torrent.metainfo.TorrentFile;
import com.hypertube.torrent.metainfo.TorrentInfo;
import com.hypertube.torrent.picker.PiecePicker;
import java.util.Locale;
import java.util.Set;

/**
 * The file priorities {@link com.hypertube.torrent.picker.PieceOrder} uses: the pieces of selected files
 * are wanted (all files when none is selected), and the first and last pieces of a selected video come
 * early, since a player reads its index (MP4 {@code moov}, MKV cues) there first.
 */
final class FilePriorities {

    private FilePriorities() {}

    /** @param selected file indexes to download, or null for all */
    static void apply(TorrentInfo info, PiecePicker picker, Set<Integer> selected) {
        for (int piece = 0; piece < info.pieceCount(); piece++) {
            picker.setPriority(piece, selected == null ? PiecePicker.NORMAL : PiecePicker.SKIP);
        }
        for (TorrentFile file : info.files()) {
            if (selected != null && !selected.contains(file.index())) {
                continue;
            }
            int first = info.firstPieceOf(file);
            int last = info.lastPieceOf(file);
            for (int piece = first; piece <= last; piece++) {
                picker.raisePriority(piece, PiecePicker.NORMAL);
            }
            if (isVideo(file.displayPath())) {
                for (int piece : new int[] {first, Math.min(first + 1, last), last}) {
                    picker.raisePriority(piece, PiecePicker.EDGE);
                }
            }
        }
    }

    static boolean isVideo(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.endsWith(".mp4")
                || lower.endsWith(".mkv")
                || lower.endsWith(".webm")
                || lower.endsWith(".avi")
                || lower.endsWith(".mov")
                || lower.endsWith(".m4v");
    }
}
