/** Magnet links: a torrent known only by its info hash, with optional name, trackers and peers. */
package com.hypertube.torrent.magnet;
