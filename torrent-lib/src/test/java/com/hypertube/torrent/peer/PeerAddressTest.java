package com.hypertube.torrent.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PeerAddressTest {

    @Test
    void theSameHostAndPortAreOneKey() {
        PeerAddress address = PeerAddress.parse("127.0.0.1:6881");

        assertThat(address)
                .isEqualTo(new PeerAddress("127.0.0.1", 6881))
                .hasSameHashCodeAs(new PeerAddress("127.0.0.1", 6881));
        assertThat(address)
                .isNotEqualTo(new PeerAddress("127.0.0.1", 6882))
                .isNotEqualTo(new PeerAddress("127.0.0.2", 6881));
        assertThat(Set.of(address, new PeerAddress("127.0.0.1", 6882))).contains(new PeerAddress("127.0.0.1", 6881));
        assertThat(address.equals(null)).isFalse();
        assertThat(address.equals("127.0.0.1:6881")).isFalse();
    }

    @Test
    void parsesIpv4Ipv6AndNames() {
        assertThat(PeerAddress.parse("[::1]:51413")).isEqualTo(new PeerAddress("::1", 51413));
        assertThat(PeerAddress.parse("[::1]:51413")).hasToString("[::1]:51413");
        assertThat(PeerAddress.parse("seeder.local:6881").host()).isEqualTo("seeder.local");
    }

    @Test
    void refusesWhatIsNotHostAndPort() {
        assertThatThrownBy(() -> PeerAddress.parse("::1:6881")).hasMessageContaining("[address]:port");
        assertThatThrownBy(() -> PeerAddress.parse("host:")).hasMessageContaining("is not host:port");
        assertThatThrownBy(() -> PeerAddress.parse("host:http")).hasMessageContaining("no numeric port");
        assertThatThrownBy(() -> PeerAddress.parse("host:70000")).hasMessageContaining("not between 1 and 65535");
    }
}
