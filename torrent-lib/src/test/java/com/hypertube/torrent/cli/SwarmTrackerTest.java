package com.hypertube.torrent.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hypertube.torrent.bencode.BencodeDecoder;
import com.hypertube.torrent.bencode.BencodeDictionary;
import com.hypertube.torrent.bencode.BencodeInteger;
import com.hypertube.torrent.bencode.BencodeString;
import com.hypertube.torrent.metainfo.InfoHash;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The seeder's own tracker, spoken to as a client would: compact peer lists, its torrents only, peers forgotten. */
class SwarmTrackerTest {

    private static final InfoHash SERVED = InfoHash.fromHex("0123456789abcdef0123456789abcdef01234567");
    private static final String SERVED_ENCODED = "%01%23Eg%89%AB%CD%EF%01%23Eg%89%AB%CD%EF%01%23Eg";

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final HttpClient http = HttpClient.newHttpClient();
    private SwarmTracker tracker;

    @BeforeEach
    void start() throws Exception {
        tracker =
                new SwarmTracker(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), List.of(SERVED), now::get);
    }

    @AfterEach
    void stop() {
        tracker.close();
        http.close();
    }

    private BencodeDictionary announce(String query) throws Exception {
        HttpResponse<byte[]> response = http.send(
                HttpRequest.newBuilder(URI.create(tracker.announceUrl() + "?" + query))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return (BencodeDictionary) BencodeDecoder.decode(response.body());
    }

    private static byte[] peers(BencodeDictionary answer) {
        return ((BencodeString) answer.get("peers").orElseThrow()).bytes();
    }

    @Test
    void eachPeerLearnsOfTheOthersInCompactForm() throws Exception {
        assertThat(peers(announce("info_hash=" + SERVED_ENCODED + "&port=6881&event=started")))
                .isEmpty();

        BencodeDictionary second = announce("info_hash=" + SERVED_ENCODED + "&port=51413");

        assertThat(peers(second)).containsExactly(127, 0, 0, 1, 0x1a, 0xe1);
        assertThat(second.get("interval")).contains(new BencodeInteger(SwarmTracker.INTERVAL_SECONDS));
        assertThat(tracker.announceUrl()).isEqualTo("http://127.0.0.1:" + tracker.port() + "/announce");
    }

    @Test
    void aStoppedPeerAndASilentOneAreNoLongerGiven() throws Exception {
        announce("info_hash=" + SERVED_ENCODED + "&port=6881");
        announce("info_hash=" + SERVED_ENCODED + "&port=6882");
        assertThat(peers(announce("info_hash=" + SERVED_ENCODED + "&port=6882&event=stopped")))
                .hasSize(6);
        assertThat(peers(announce("info_hash=" + SERVED_ENCODED + "&port=6883")))
                .as("6882 said it stopped: only 6881 is left")
                .containsExactly(127, 0, 0, 1, 0x1a, 0xe1);

        now.addAndGet(3_000L * SwarmTracker.INTERVAL_SECONDS + 1);

        assertThat(peers(announce("info_hash=" + SERVED_ENCODED + "&port=6884")))
                .as("three intervals without a word")
                .isEmpty();
    }

    @Test
    void oneAddressHoldsAFewPlacesAtMostAndAPeerThatDoesNotListenOnlyLooks() throws Exception {
        for (int port = 7000; port < 7000 + 2 * SwarmTracker.PORTS_PER_ADDRESS; port++) {
            announce("info_hash=" + SERVED_ENCODED + "&port=" + port);
        }

        byte[] seen = peers(announce("info_hash=" + SERVED_ENCODED + "&port=0"));

        assertThat(seen)
                .as("the first few of one address, and never the port-0 looker")
                .hasSize(6 * SwarmTracker.PORTS_PER_ADDRESS);
        assertThat(peers(announce("info_hash=" + SERVED_ENCODED + "&port=0")))
                .hasSize(6 * SwarmTracker.PORTS_PER_ADDRESS);
    }

    @Test
    void whatItCannotAnswerIsATrackerFailureNotAnError() throws Exception {
        String other = "info_hash=%FF%23Eg%89%AB%CD%EF%01%23Eg%89%AB%CD%EF%01%23Eg&port=6881";
        assertThat(failure(announce(other))).contains("unknown torrent");
        assertThat(failure(announce("port=6881"))).contains("info_hash");
        assertThat(failure(announce("info_hash=%01%23&port=6881"))).contains("info_hash");
        assertThat(failure(announce("info_hash=" + SERVED_ENCODED + "&port=x"))).contains("port");
    }

    @Test
    void aBadPercentEncodingIsRefused() {
        // (Java's own URI refuses to send these, so the parsing is asked directly.)
        assertThatThrownBy(() -> SwarmTracker.query("info_hash=%G1&port=1")).hasMessageContaining("percent");
        assertThatThrownBy(() -> SwarmTracker.query("info_hash=%2")).hasMessageContaining("percent");
        assertThat(SwarmTracker.query("info_hash=" + SERVED_ENCODED).get("info_hash"))
                .isEqualTo(SERVED.bytes());
    }

    private static String failure(BencodeDictionary answer) {
        return ((BencodeString) answer.get("failure reason").orElseThrow()).utf8();
    }
}
