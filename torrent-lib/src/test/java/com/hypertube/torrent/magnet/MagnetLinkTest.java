package com.hypertube.torrent.magnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hypertube.torrent.peer.PeerAddress;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MagnetLinkTest {

    private static final String HEX = "49d6eb1a32cb1885e58f26d9c9684a2e2040c211";

    @Test
    void readsHashNameTrackersAndPeers() throws Exception {
        MagnetLink magnet = MagnetLink.parse("magnet:?xt=urn:btih:" + HEX.toUpperCase()
                + "&dn=Big+Buck%20Bunny"
                + "&tr=udp%3A%2F%2F192.0.2.1%3A1337%2Fannounce"
                + "&tr=wss%3A%2F%2F192.0.2.2%2Fannounce" // WebTorrent: skipped
                + "&tr=http%3A%2F%2F192.0.2.3%2Fannounce"
                + "&x.pe=192.0.2.9:6881&x.pe=%5B2001:db8::1%5D:51413");

        assertThat(magnet.infoHash().hex()).isEqualTo(HEX);
        assertThat(magnet.displayName()).hasValue("Big Buck Bunny");
        assertThat(magnet.trackers())
                .containsExactly(URI.create("udp://192.0.2.1:1337/announce"), URI.create("http://192.0.2.3/announce"));
        assertThat(magnet.peers())
                .containsExactly(new PeerAddress("192.0.2.9", 6881), new PeerAddress("2001:db8::1", 51413));
    }

    @Test
    void base32AndHexGiveTheSameHash() throws Exception {
        // base32 of 49d6eb1a32cb1885e58f26d9c9684a2e2040c211
        MagnetLink base32 = MagnetLink.parse("magnet:?xt=urn:btih:JHLOWGRSZMMILZMPE3M4S2CKFYQEBQQR");

        assertThat(base32.infoHash().hex()).isEqualTo(HEX);
    }

    @Test
    void toleratesAV2TopicBesideTheV1One() throws Exception {
        MagnetLink hybrid = MagnetLink.parse("magnet:?xt=urn:btmh:1220" + "ab".repeat(32) + "&xt=urn:btih:" + HEX);

        assertThat(hybrid.infoHash().hex()).isEqualTo(HEX);
    }

    @Test
    void writesItselfBackAsALinkThatParsesToTheSame() throws Exception {
        MagnetLink magnet = MagnetLink.parse(
                "magnet:?xt=urn:btih:" + HEX + "&dn=a%26b&tr=http://192.0.2.3/announce&x.pe=192.0.2.9:6881");

        assertThat(MagnetLink.parse(magnet.toUri())).isEqualTo(magnet);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            http://192.0.2.1/file.torrent                         | not a magnet link
            magnet:?dn=nothing                                    | no BitTorrent info hash
            magnet:?xt=urn:btmh:1220abcd                          | no BitTorrent info hash
            magnet:?xt=urn:ed2k:31d6cfe0d16ae931b73c59d7e0c089c0  | unsupported exact topic
            magnet:?xt=urn:btih:1234                              | must be 40 hex or 32 base32 characters, not 4
            magnet:?xt=urn:btih:zzd6eb1a32cb1885e58f26d9c9684a2e2040c211 | invalid info hash
            magnet:?xt=urn:btih:JHLOWGRSZMMILZMPE3M4S2CKFYQEBQQ1  | invalid info hash
            magnet:?xt=urn:btih:%zz                               | badly escaped text
            magnet:?xt=urn:btih:49d6eb1a32cb1885e58f26d9c9684a2e2040c211&x.pe=nohost | invalid peer in x.pe
            magnet:?xt=urn:btih:49d6eb1a32cb1885e58f26d9c9684a2e2040c211&x.pe=192.0.2.1:99999 | invalid peer in x.pe
            magnet:?xt=urn:btih:49d6eb1a32cb1885e58f26d9c9684a2e2040c211&xt=urn:btih:0000000000000000000000000000000000000000 | two different
            """)
    void refusesWhatItCannotUseAndSaysWhy(String link, String reason) {
        assertThatThrownBy(() -> MagnetLink.parse(link))
                .isInstanceOf(InvalidMagnetException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void refusesAnOverlongLinkBeforeReadingIt() {
        String link = "magnet:?xt=urn:btih:" + HEX + "&dn=" + "x".repeat(20_000);

        assertThatThrownBy(() -> MagnetLink.parse(link)).hasMessageContaining("longer than");
    }

    @Test
    void peerAddressesRoundTrip() {
        assertThat(PeerAddress.parse("[2001:db8::1]:6881").toString()).isEqualTo("[2001:db8::1]:6881");
        assertThat(PeerAddress.parse("127.0.0.1:1")).isEqualTo(new PeerAddress("127.0.0.1", 1));
        assertThatThrownBy(() -> PeerAddress.parse("2001:db8::1:6881")).hasMessageContaining("[address]:port");
        assertThat(List.of("a:0", ":80", "host:")).allSatisfy(bad -> assertThatThrownBy(() -> PeerAddress.parse(bad))
                .isInstanceOf(IllegalArgumentException.class));
    }
}
