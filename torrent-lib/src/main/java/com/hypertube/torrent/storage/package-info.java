/**
 * Where a torrent's bytes live: a narrow interface over the torrent's byte stream, with a file back-end
 * (files created lazily, never outside the download root, padding never written) and an in-memory one.
 */
package com.hypertube.torrent.storage;
