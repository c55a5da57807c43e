/**
 * What a torrent is: its info hash, files, pieces and trackers, read from a .torrent (v1, and the v1
 * side of hybrid torrents) or built from files on disk. Every file path is made safe here, once.
 */
package com.hypertube.torrent.metainfo;
