package com.hypertube.torrent.tracker.http;

import com.hypertube.torrent.bencode.BencodeDecoder;
import com.hypertube.torrent.bencode.BencodeDictionary;
import com.hypertube.torrent.bencode.BencodeException;
import com.hypertube.torrent.bencode.BencodeInteger;
import com.hypertube.torrent.bencode.BencodeLimits;
import com.hypertube.torrent.bencode.BencodeList;
import com.hypertube.torrent.bencode.BencodeString;
import com.hypertube.torrent.bencode.BencodeValue;
import com.hypertube.torrent.metainfo.InfoHash;
import com.hypertube.torrent.net.AddressPolicy;
import com.hypertube.torrent.net.HttpGet;
import com.hypertube.torrent.peer.PeerAddress;
import com.hypertube.torrent.tracker.AnnounceRequest;
import com.hypertube.torrent.tracker.AnnounceResponse;
import com.hypertube.torrent.tracker.CompactPeers;
import com.hypertube.torrent.tracker.ScrapeResponse;
import com.hypertube.torrent.tracker.Tracker;
import com.hypertube.torrent.tracker.TrackerException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/** An HTTP(S) tracker (BEP 3), asking for compact peers (BEP 23) and reading IPv6 ones too (BEP 7). */
public final class HttpTracker implements Tracker {

    static final Duration TIMEOUT = Duration.ofSeconds(15);

    /** The largest answer we read: thousands of peers fit in far less. */
    static final int MAX_RESPONSE_BYTES = 1024 * 1024;

    /** Hashes per scrape request: 50 escaped hashes make a URL of about 3 KB. */
    public static final int SCRAPE_BATCH = 50;

    private static final BencodeLimits LIMITS = new BencodeLimits(16, 100_000, MAX_RESPONSE_BYTES);
    private final URI announceUrl;
    private final AddressPolicy addresses;

    /** @param addresses which addresses the tracker (and where it redirects) may be at */
    public HttpTracker(URI announceUrl, AddressPolicy addresses) {
        this.announceUrl = announceUrl;
        this.addresses = addresses;
    }

    @Override
    public AnnounceResponse announce(AnnounceRequest request) throws IOException, TrackerException {
        StringBuilder query = new StringBuilder()
                .append("info_hash=")
                .append(escape(request.infoHash().bytes()))
                .append("&peer_id=")
                .append(escape(request.peerId()))
                .append("&port=")
                .append(request.port())
                .append("&uploaded=")
                .append(request.uploaded())
                .append("&downloaded=")
                .append(request.downloaded())
                .append("&left=")
                .append(request.left())
                .append("&compact=1")
                .append("&numwant=")
                .append(request.wanted());
        if (request.event() != AnnounceRequest.Event.NONE) {
            query.append("&event=").append(request.event().name().toLowerCase(Locale.ROOT));
        }
        BencodeDictionary answer = get(withQuery(announceUrl, query.toString()));
        long interval = integer(answer, "interval", 1800);
        List<PeerAddress> peers = new ArrayList<>();
        BencodeValue peerValue = answer.get("peers").orElse(null);
        if (peerValue instanceof BencodeString compact) {
            peers.addAll(CompactPeers.decode(compact.bytes(), 4));
        } else if (peerValue instanceof BencodeList list) {
            for (BencodeValue entry : list.values()) {
                if (entry instanceof BencodeDictionary peer
                        && peer.get("ip").orElse(null) instanceof BencodeString ip
                        && peer.get("port").orElse(null) instanceof BencodeInteger port
                        && port.value() > 0
                        && port.value() < 65536) {
                    peers.add(new PeerAddress(ip.utf8(), (int) port.value()));
                }
            }
        }
        if (answer.get("peers6").orElse(null) instanceof BencodeString compact6) {
            peers.addAll(CompactPeers.decode(compact6.bytes(), 16));
        }
        long minInterval = integer(answer, "min interval", -1);
        return new AnnounceResponse(
                Duration.ofSeconds(Math.max(1, interval)),
                peers,
                (int) integer(answer, "complete", -1),
                (int) integer(answer, "incomplete", -1),
                minInterval > 0 ? Duration.ofSeconds(minInterval) : null);
    }

    @Override
    public ScrapeResponse scrape(InfoHash infoHash) throws IOException, TrackerException {
        return scrape(List.of(infoHash)).getOrDefault(infoHash, new ScrapeResponse(0, 0, 0));
    }

    /**
     * The scrape convention's batched form: {@code info_hash} repeated, {@link #SCRAPE_BATCH} a request so the
     * URL stays far below what servers accept; the answer's {@code files} is keyed by the raw hash.
     */
    @Override
    public Map<InfoHash, ScrapeResponse> scrape(List<InfoHash> infoHashes) throws IOException, TrackerException {
        URI scrapeUrl = scrapeUrl();
        Map<InfoHash, ScrapeResponse> swarms = new LinkedHashMap<>();
        for (int from = 0; from < infoHashes.size(); from += SCRAPE_BATCH) {
            List<InfoHash> batch = infoHashes.subList(from, Math.min(infoHashes.size(), from + SCRAPE_BATCH));
            StringJoiner query = new StringJoiner("&");
            if (announceUrl.getRawQuery() != null) {
                query.add(announceUrl.getRawQuery());
            }
            batch.forEach(hash -> query.add("info_hash=" + escape(hash.bytes())));
            BencodeDictionary answer = get(withQuery(scrapeUrl, query.toString()));
            if (!(answer.get("files").orElse(null) instanceof BencodeDictionary files)) {
                throw new TrackerException("scrape answer without files");
            }
            for (InfoHash hash : batch) {
                String key = new String(hash.bytes(), StandardCharsets.ISO_8859_1);
                if (files.entries().get(key) instanceof BencodeDictionary stats) {
                    swarms.put(
                            hash,
                            new ScrapeResponse(
                                    (int) integer(stats, "complete", 0), (int) integer(stats, "downloaded", 0), (int)
                                            integer(stats, "incomplete", 0)));
                }
            }
        }
        return swarms;
    }

    /** The scrape convention: the announce URL's last {@code announce} path segment becomes {@code scrape}. */
    private URI scrapeUrl() throws TrackerException {
        String path = announceUrl.getRawPath();
        int slash = path.lastIndexOf('/');
        if (slash < 0 || !path.startsWith("announce", slash + 1)) {
            throw new TrackerException("this tracker does not support scrape (its URL has no /announce)");
        }
        return URI.create(announceUrl.getScheme() + "://" + announceUrl.getRawAuthority() + path.substring(0, slash + 1)
                + "scrape" + path.substring(slash + 1 + "announce".length()));
    }

    // Not HttpURLConnection: it resolves the host itself and follows redirects unchecked (see HttpGet). Nor
    // java.net.http.HttpClient: an announce is one small GET, and that client (its classes, its selector
    // thread, the code the JIT then compiles) cost a fresh CLI process about half a second of CPU.
    private BencodeDictionary get(URI uri) throws IOException, TrackerException {
        HttpGet.Response response = HttpGet.get(uri, addresses, TIMEOUT, MAX_RESPONSE_BYTES, "Hypertube/0.1");
        byte[] body = response.body();
        int status = response.status();
        if (body.length > MAX_RESPONSE_BYTES) {
            throw new TrackerException("tracker answer larger than " + MAX_RESPONSE_BYTES + " bytes");
        }
        if (status != 200) {
            throw new TrackerException("tracker answered HTTP " + status);
        }
        BencodeValue value;
        try {
            value = BencodeDecoder.decode(body, LIMITS);
        } catch (BencodeException e) {
            throw new TrackerException("tracker answer is not bencode: " + e.getMessage());
        }
        if (!(value instanceof BencodeDictionary answer)) {
            throw new TrackerException("tracker answer is not a dictionary");
        }
        if (answer.get("failure reason").orElse(null) instanceof BencodeString reason) {
            throw new TrackerException("tracker refused: " + reason.utf8());
        }
        return answer;
    }

    private static long integer(BencodeDictionary dictionary, String key, long fallback) {
        return dictionary.get(key).orElse(null) instanceof BencodeInteger integer ? integer.value() : fallback;
    }

    private static URI withQuery(URI base, String query) {
        String existing = base.getRawQuery();
        String separator = existing == null ? "?" : "&";
        return URI.create(base.toString() + separator + query);
    }

    /** Percent-encodes raw bytes as trackers expect: unreserved characters as they are, the rest %XX. */
    static String escape(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
