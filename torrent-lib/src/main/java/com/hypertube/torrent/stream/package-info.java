/**
 * Reading a file of a torrent while it downloads: a seekable, blocking channel whose position and
 * readahead window become the torrent's most urgent pieces.
 */
package com.hypertube.torrent.stream;
