package com.hypertube.torrent.session;

/**
 * Limits of every torrent of a client.
 *
 * @param maxPeers connections per torrent
 * @param uploadSlots peers we upload to at once per torrent
 */
record SessionSettings(int maxPeers, int uploadSlots) {}
