/**
 * Starting a stream (a magnet or an info hash), describing a torrent's files, and serving a file with
 * HTTP Range while it downloads, through torrent-lib's seekable reader.
 */
package com.hypertube.streaming.stream;
