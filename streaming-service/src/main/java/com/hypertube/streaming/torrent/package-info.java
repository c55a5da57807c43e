/** The BitTorrent engine (torrent-lib) as this service runs it: one client, torrents shared by viewers. */
package com.hypertube.streaming.torrent;
