package com.hypertube.streaming.download;

import com.hypertube.torrent.session.TorrentHandle;

/** A download job's torrent has all its data (published once per job, after the job is marked COMPLETED). */
public record DownloadCompleted(TorrentHandle torrent) {}
