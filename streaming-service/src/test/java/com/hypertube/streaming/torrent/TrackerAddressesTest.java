package com.hypertube.streaming.torrent;

import static org.assertj.core.api.Assertions.assertThat;

import com.hypertube.streaming.StreamingProperties;
import com.hypertube.torrent.net.AddressPolicy;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Hardening issue, finding 5: which tracker addresses the server's engine may reach, from its settings. (That
 * a refused tracker gets no request at all is torrent-lib's TrackerAddressPolicyTest.)
 */
@Tag("security")
class TrackerAddressesTest {

    @Test
    void byDefaultOnlyPublicTrackersAreReached() throws Exception {
        AddressPolicy policy = TorrentEngine.trackerAddresses(settings(false, List.of()));

        assertThat(policy.allows(InetAddress.getByName("93.184.216.34"))).isTrue();
        for (String internal : List.of("127.0.0.1", "10.1.2.3", "192.168.1.1", "169.254.169.254", "::1", "0.0.0.0")) {
            assertThat(policy.allows(InetAddress.getByName(internal)))
                    .as(internal)
                    .isFalse();
        }
    }

    @Test
    void privateAddressesWhenAllowedButNeverTheCloudsMetadataService() throws Exception {
        AddressPolicy policy = TorrentEngine.trackerAddresses(settings(true, List.of()));

        assertThat(policy.allows(InetAddress.getByName("127.0.0.1"))).isTrue();
        assertThat(policy.allows(InetAddress.getByName("192.168.1.1"))).isTrue();
        assertThat(policy.allows(InetAddress.getByName("169.254.169.254"))).isFalse();
    }

    @Test
    void anAllowListOpensOnlyItsBlocks() throws Exception {
        AddressPolicy policy = TorrentEngine.trackerAddresses(settings(false, List.of("10.8.0.0/16")));

        assertThat(policy.allows(InetAddress.getByName("10.8.1.1"))).isTrue();
        assertThat(policy.allows(InetAddress.getByName("10.9.1.1"))).isFalse();
        assertThat(policy.allows(InetAddress.getByName("127.0.0.1"))).isFalse();
    }

    private static StreamingProperties.Torrent settings(boolean allowPrivate, List<String> networks) {
        Duration second = Duration.ofSeconds(1);
        return new StreamingProperties.Torrent(
                0, second, second, second, 10, second, second, 0, allowPrivate, networks);
    }
}
