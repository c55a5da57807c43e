package com.hypertube.streaming.stream;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.hypertube.streaming.download.DownloadJob;
import com.hypertube.streaming.playback.MediaProbe;
import com.hypertube.streaming.storage.CachedFiles;
import com.hypertube.torrent.metainfo.TorrentFile;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A torrent as the web UI sees it: its files (empty until the metadata arrives) and the one to play by
 * default, the largest video.
 */
record TorrentDescription(String infoHash, UUID jobId, String status, Integer defaultFileIndex, List<FileEntry> files) {

    /** {@code media} is what ffprobe found, once the file was probed (absent before). */
    record FileEntry(
            int index,
            String path,
            long size,
            String mimeType,
            boolean playable,
            @JsonInclude(JsonInclude.Include.NON_NULL) MediaProbe media) {}

    static TorrentDescription of(String infoHash, DownloadJob job, List<TorrentFile> torrentFiles) {
        List<FileEntry> files = torrentFiles.stream()
                .map(file -> new FileEntry(
                        file.index(),
                        file.displayPath(),
                        file.length(),
                        MediaTypes.of(file.displayPath()),
                        MediaTypes.isVideo(file.displayPath()),
                        null))
                .toList();
        return new TorrentDescription(
                infoHash,
                job == null ? null : job.id(),
                job == null ? null : job.status().name(),
                defaultFileIndex(torrentFiles),
                files);
    }

    /** A file of the pre-populated cache: one file, complete, no job. */
    static TorrentDescription cached(CachedFiles.CachedFile cached) {
        FileEntry file = new FileEntry(0, cached.name(), cached.size(), MediaTypes.of(cached.name()), true, null);
        return new TorrentDescription(cached.infoHash().hex(), null, "CACHED", 0, List.of(file));
    }

    /** The same, with each probed file's probe. */
    TorrentDescription withMedia(Map<Integer, MediaProbe> probes) {
        if (probes.isEmpty()) {
            return this;
        }
        List<FileEntry> probed = files.stream()
                .map(file -> new FileEntry(
                        file.index(),
                        file.path(),
                        file.size(),
                        file.mimeType(),
                        file.playable(),
                        probes.get(file.index())))
                .toList();
        return new TorrentDescription(infoHash, jobId, status, defaultFileIndex, probed);
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
