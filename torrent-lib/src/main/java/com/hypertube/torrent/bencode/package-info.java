/**
 * Bencode, the encoding of .torrent files, tracker answers and extension messages. The decoder is strict
 * (canonical integers and key order, no trailing data) and bounded, so that hostile input fails fast
 * with the offset of the fault instead of exhausting memory.
 */
package com.hypertube.torrent.bencode;
