package com.hypertube.torrent.session;

/**
 * One open reader's window of time-critical pieces ({@link TorrentHandle#readerWindows()}): the piece under
 * its position and the readahead behind it.
 *
 * @param firstPiece the piece under the reader's position
 * @param pieceCount how many pieces from there on the window holds (at least 1)
 */
public record ReaderWindow(int firstPiece, int pieceCount) {}
