package com.hypertube.torrent.tracker.udp;

import com.hypertube.torrent.metainfo.InfoHash;
import com.hypertube.torrent.net.AddressPolicy;
import com.hypertube.torrent.tracker.AnnounceRequest;
import com.hypertube.torrent.tracker.AnnounceResponse;
import com.hypertube.torrent.tracker.CompactPeers;
import com.hypertube.torrent.tracker.ScrapeResponse;
import com.hypertube.torrent.tracker.Tracker;
import com.hypertube.torrent.tracker.TrackerException;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A UDP tracker (BEP 15): a connect exchange gives a connection id, valid a minute, that the announce or
 * scrape then carries. Each exchange is tried a bounded number of times with growing waits.
 */
public final class UdpTracker implements Tracker {

    static final long PROTOCOL_ID = 0x41727101980L;
    static final int CONNECT = 0;
    static final int ANNOUNCE = 1;
    static final int SCRAPE = 2;
    static final int ERROR = 3;

    /** Waits for an answer: 1 s, then 2 s, then 4 s; BEP 15's 15 s and up is too slow to start a stream. */
    static final Duration FIRST_WAIT = Duration.ofSeconds(1);

    static final int ATTEMPTS = 3;

    /** BEP 15: "up to about 74 torrents can be scraped at once" (a full answer then fits a 908-byte packet). */
    public static final int SCRAPE_BATCH = 74;

    // A connection id is valid a minute from its answer; renewed before, so no packet carries a stale one.
    private static final Duration CONNECTION_REUSE = Duration.ofSeconds(50);

    private final URI announceUrl;
    private final AddressPolicy addresses;

    /** @param addresses which addresses the tracker may be at */
    public UdpTracker(URI announceUrl, AddressPolicy addresses) {
        this.announceUrl = announceUrl;
        this.addresses = addresses;
    }

    /** The tracker's address, resolved once and checked: every packet goes to that very address. */
    private InetSocketAddress resolve() throws IOException {
        if (announceUrl.getHost() == null || announceUrl.getPort() <= 0) {
            throw new IOException("a UDP tracker needs a host and a port: " + announceUrl);
        }
        return new InetSocketAddress(addresses.resolve(announceUrl.getHost()), announceUrl.getPort());
    }

    @Override
    public AnnounceResponse announce(AnnounceRequest request) throws IOException, TrackerException {
        InetSocketAddress tracker = resolve();
        try (DatagramSocket socket = new DatagramSocket()) {
            long connectionId = connect(socket, tracker);
            int transaction = ThreadLocalRandom.current().nextInt();
            ByteBuffer out = ByteBuffer.allocate(98)
                    .putLong(connectionId)
                    .putInt(ANNOUNCE)
                    .putInt(transaction)
                    .put(request.infoHash().bytes())
                    .put(request.peerId())
                    .putLong(request.downloaded())
                    .putLong(request.left())
                    .putLong(request.uploaded())
                    .putInt(eventCode(request.event()))
                    .putInt(0) // our IP: the one the packet comes from
                    .putInt(ThreadLocalRandom.current().nextInt()) // key
                    .putInt(request.wanted())
                    .putShort((short) request.port());
            ByteBuffer in = exchange(socket, tracker, out.array(), ANNOUNCE, transaction, 20);
            int interval = in.getInt();
            int leechers = in.getInt();
            int seeders = in.getInt();
            byte[] compact = new byte[in.remaining() - in.remaining() % 6];
            in.get(compact);
            return new AnnounceResponse(
                    Duration.ofSeconds(Math.max(1, interval)), CompactPeers.decode(compact, 4), seeders, leechers);
        }
    }

    @Override
    public ScrapeResponse scrape(InfoHash infoHash) throws IOException, TrackerException {
        InetSocketAddress tracker = resolve();
        try (DatagramSocket socket = new DatagramSocket()) {
            long connectionId = connect(socket, tracker);
            int transaction = ThreadLocalRandom.current().nextInt();
            byte[] out = ByteBuffer.allocate(36)
                    .putLong(connectionId)
                    .putInt(SCRAPE)
                    .putInt(transaction)
                    .put(infoHash.bytes())
                    .array();
            ByteBuffer in = exchange(socket, tracker, out, SCRAPE, transaction, 20);
            return new ScrapeResponse(in.getInt(), in.getInt(), in.getInt());
        }
    }

    /**
     * BEP 15's batched scrape: up to {@link #SCRAPE_BATCH} hashes a packet, answered in the order asked.
     * One connection id serves every packet while it is valid (a minute; renewed a little before).
     */
    @Override
    public Map<InfoHash, ScrapeResponse> scrape(List<InfoHash> infoHashes) throws IOException, TrackerException {
        Map<InfoHash, ScrapeResponse> swarms = new LinkedHashMap<>();
        if (infoHashes.isEmpty()) {
            return swarms;
        }
        InetSocketAddress tracker = resolve();
        try (DatagramSocket socket = new DatagramSocket()) {
            long connectionId = 0;
            long connectedAt = Long.MIN_VALUE;
            for (int from = 0; from < infoHashes.size(); from += SCRAPE_BATCH) {
                List<InfoHash> batch = infoHashes.subList(from, Math.min(infoHashes.size(), from + SCRAPE_BATCH));
                if (System.nanoTime() - connectedAt > CONNECTION_REUSE.toNanos() || connectedAt == Long.MIN_VALUE) {
                    connectionId = connect(socket, tracker);
                    connectedAt = System.nanoTime();
                }
                int transaction = ThreadLocalRandom.current().nextInt();
                ByteBuffer out = ByteBuffer.allocate(16 + 20 * batch.size())
                        .putLong(connectionId)
                        .putInt(SCRAPE)
                        .putInt(transaction);
                batch.forEach(hash -> out.put(hash.bytes()));
                ByteBuffer in = exchange(socket, tracker, out.array(), SCRAPE, transaction, 8);
                // A tracker may answer fewer than asked (a short packet): those missing stay unknown.
                for (int i = 0; i < batch.size() && in.remaining() >= 12; i++) {
                    swarms.put(batch.get(i), new ScrapeResponse(in.getInt(), in.getInt(), in.getInt()));
                }
            }
        }
        return swarms;
    }

    private long connect(DatagramSocket socket, InetSocketAddress tracker) throws IOException, TrackerException {
        int transaction = ThreadLocalRandom.current().nextInt();
        byte[] out = ByteBuffer.allocate(16)
                .putLong(PROTOCOL_ID)
                .putInt(CONNECT)
                .putInt(transaction)
                .array();
        return exchange(socket, tracker, out, CONNECT, transaction, 16).getLong();
    }

    /** Sends and waits for the answer with our transaction id; returns it positioned after the header. */
    private ByteBuffer exchange(
            DatagramSocket socket,
            InetSocketAddress tracker,
            byte[] request,
            int action,
            int transaction,
            int minLength)
            throws IOException, TrackerException {
        byte[] buffer = new byte[64 * 1024];
        long wait = FIRST_WAIT.toMillis();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++, wait *= 2) {
            socket.send(new DatagramPacket(request, request.length, tracker));
            long until = System.currentTimeMillis() + wait;
            while (System.currentTimeMillis() < until) {
                socket.setSoTimeout((int) Math.max(1, until - System.currentTimeMillis()));
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(packet);
                } catch (SocketTimeoutException e) {
                    break;
                }
                ByteBuffer in = ByteBuffer.wrap(Arrays.copyOf(packet.getData(), packet.getLength()));
                if (in.remaining() < 8 || in.getInt(4) != transaction) {
                    continue; // not the answer to this request
                }
                int answered = in.getInt();
                in.getInt();
                if (answered == ERROR) {
                    throw new TrackerException("tracker refused: " + StandardCharsets.UTF_8.decode(in));
                }
                if (answered != action || packet.getLength() < minLength) {
                    throw new TrackerException(
                            "tracker answered action " + answered + " in " + packet.getLength() + " bytes");
                }
                return in;
            }
        }
        throw new SocketTimeoutException("no answer from " + announceUrl + " after " + ATTEMPTS + " tries");
    }

    private static int eventCode(AnnounceRequest.Event event) {
        return switch (event) {
            case NONE -> 0;
            case COMPLETED -> 1;
            case STARTED -> 2;
            case STOPPED -> 3;
        };
    }
}
