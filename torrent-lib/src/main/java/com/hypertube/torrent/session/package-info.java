/**
 * The public client API: a {@link com.hypertube.torrent.session.TorrentClient} adds torrents from a
 * magnet or metainfo and returns a {@link com.hypertube.torrent.session.TorrentHandle} to watch and steer
 * each; inside, one session per torrent drives its peers on virtual threads.
 */
package com.hypertube.torrent.session;
