package com.hypertube.torrent.session;

/**
 * Limits of every torrent of a client.
 *
 * @param maxPeers connections per torrent
 * @param uploadSlots peers we upload to at once per torrent
 * @param listenPort the port peers reach us on (told in the extension handshake), 0 when we do not listen
 * @param maxPieceLength torrents with larger pieces are refused: each piece in flight is held whole in memory
 * @param pieceMemory the buffers of pieces in flight, all torrents together
 * @param metadataMemory the metadata of magnets being fetched, all together
 * @param maxKnownPeers addresses a torrent remembers (from trackers, peers, magnets)
 */
record SessionSettings(
        int maxPeers,
        int uploadSlots,
        int listenPort,
        long maxPieceLength,
        MemoryBudget pieceMemory,
        MemoryBudget metadataMemory,
        int maxKnownPeers) {}
