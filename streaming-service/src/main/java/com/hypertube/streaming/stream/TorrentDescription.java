package com.hypertube.streaming.stream;

import com.hypertube.streaming.download.DownloadJob;
import com.hypertube.torrent.metainfo.TorrentFile;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * A torrent as the web UI sees it: its files (empty until the metadata arrives) and the one to play by
 * default, the largest video.
 */
record TorrentDescription(String infoHash, UUID jobId, String status, Integer defaultFileIndex, List<FileEntry> files) {

    record FileEntry(int index, String path, long size, String mimeType, boolean playable) {}

    static TorrentDescription of(String infoHash, DownloadJob job, List<TorrentFile> torrentFiles) {
        List<FileEntry> files = torrentFiles.stream()
                .map(file -> new FileEntry(
                        file.index(),
                        file.displayPath(),
                        file.length(),
                        MediaTypes.of(file.displayPath()),
                        MediaTypes.isVideo(file.displayPath())))
                .toList();
        return new TorrentDescription(
                infoHash,
                job == null ? null : job.id(),
                job == null ? null : job.status().name(),
                defaultFileIndex(torrentFiles),
                files);
    }

    /** The file a player gets by default: the largest playable video, or {@code null} when there is none. */
    static Integer defaultFileIndex(List<TorrentFile> torrentFiles) {
        return torrentFiles.stream()
                .filter(file -> MediaTypes.isVideo(file.displayPath()))
                .max(Comparator.comparingLong(TorrentFile::length))
                .map(TorrentFile::index)
                .orElse(null);
    }
}
