package com.hypertube.torrent.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@org.junit.jupiter.api.Tag("security")
class AddressPolicyTest {

    private final AddressPolicy publicOnly = AddressPolicy.publicOnly();

    @Test
    void aCidrMatchesIpv4AndIpv6BlocksAtAnyPrefix() {
        Cidr ten = Cidr.parse("10.0.0.0/8");
        assertThat(ten.contains(ip("10.255.1.2"))).isTrue();
        assertThat(ten.contains(ip("11.0.0.0"))).isFalse();

        Cidr odd = Cidr.parse("172.16.0.0/12");
        assertThat(odd.contains(ip("172.31.255.255"))).isTrue();
        assertThat(odd.contains(ip("172.32.0.0"))).isFalse();
        assertThat(odd.contains(ip("172.15.255.255"))).isFalse();

        Cidr ula = Cidr.parse("fc00::/7");
        assertThat(ula.contains(ip("fd12:3456::1"))).isTrue();
        assertThat(ula.contains(ip("fe00::1"))).isFalse();
        assertThat(ula.contains(ip("10.0.0.1"))).as("another family").isFalse();

        assertThat(Cidr.parse("192.0.2.7").contains(ip("192.0.2.7")))
                .as("a lone address")
                .isTrue();
        assertThat(Cidr.parse("192.0.2.7").contains(ip("192.0.2.8"))).isFalse();
        assertThat(Cidr.parse("0.0.0.0/0").contains(ip("8.8.8.8"))).isTrue();
    }

    @Test
    void aCidrIsALiteralNeverAHostName() {
        assertThatThrownBy(() -> Cidr.parse("example.com/8")).hasMessageContaining("not an IP address block");
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/33")).hasMessageContaining("out of range");
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/x")).hasMessageContaining("not an IP address block");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1",
                "127.1.2.3",
                "10.0.0.1",
                "172.16.0.1",
                "172.31.255.254",
                "192.168.1.1",
                "169.254.169.254",
                "100.64.0.1",
                "100.127.255.255",
                "0.0.0.0",
                "0.1.2.3",
                "224.0.0.1",
                "239.255.255.250",
                "255.255.255.255",
                "::",
                "::1",
                "fc00::1",
                "fd00:ec2::254",
                "fe80::1",
                "ff02::1"
            })
    void refusesEveryKindOfNonPublicAddress(String address) {
        assertThat(publicOnly.refusal(ip(address))).as(address).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "192.0.2.1",
                "192.0.2.255",
                "198.51.100.7",
                "203.0.113.200",
                "2001:db8::1",
                "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff"
            })
    void refusesTheDocumentationRangesEvenWhenPrivateAddressesAreAllowed(String address) {
        // Never routed (RFC 5737, RFC 3849): a tracker there is made up, and a LAN does not use them either.
        assertThat(publicOnly.refusal(ip(address))).as(address).contains("documentation");
        assertThat(publicOnly.allowingPrivate().allows(ip(address))).as(address).isFalse();
    }

    @Test
    void theDocumentationRangesEndWhereTheRfcsSay() throws Exception {
        for (String neighbour : List.of("192.0.3.0", "198.51.101.0", "198.51.99.255", "203.0.114.0", "2001:db9::1")) {
            assertThat(publicOnly.allows(ip(neighbour))).as(neighbour).isTrue();
        }
        InetAddress mapped =
                Inet6Address.getByAddress(null, HexFormat.of().parseHex("00000000000000000000ffffcb007101"), null);
        assertThat(publicOnly.refusal(mapped)).as("::ffff:203.0.113.1").contains("documentation");
        assertThat(publicOnly.allowing("192.0.2.0/24").allows(ip("192.0.2.9")))
                .as("an administrator's block still opens one")
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "100.63.255.255", "100.128.0.0", "172.32.0.1", "2606:4700::1111"})
    void allowsPublicAddresses(String address) {
        assertThat(publicOnly.refusal(ip(address))).as(address).isNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "00000000000000000000ffff7f000001", // ::ffff:127.0.0.1
                "00000000000000000000ffffa9fea9fe", // ::ffff:169.254.169.254
                "0000000000000000000000000a000001", // ::10.0.0.1 (IPv4-compatible)
                "0064ff9b0000000000000000c0a80001" // 64:ff9b::192.168.0.1 (NAT64)
            })
    void refusesForbiddenIpv4AddressesInTheirIpv6Forms(String hex) throws Exception {
        // Made as Inet6Address on purpose: InetAddress.getByAddress would turn a mapped one into IPv4 itself.
        InetAddress address = Inet6Address.getByAddress(null, HexFormat.of().parseHex(hex), null);

        assertThat(publicOnly.refusal(address)).contains("IPv6 form");
    }

    @Test
    void aPublicIpv4AddressInIpv6FormIsAllowed() throws Exception {
        InetAddress mapped =
                Inet6Address.getByAddress(null, HexFormat.of().parseHex("00000000000000000000ffff08080808"), null);

        assertThat(publicOnly.allows(mapped)).isTrue();
    }

    @Test
    void privateAddressesCanBeAllowedAltogetherButLinkLocalStaysRefused() {
        AddressPolicy lan = AddressPolicy.publicOnly().allowingPrivate();

        assertThat(lan.allows(ip("127.0.0.1"))).isTrue();
        assertThat(lan.allows(ip("192.168.1.10"))).isTrue();
        assertThat(lan.allows(ip("fd00::1"))).isTrue();
        assertThat(lan.allows(ip("100.64.1.1"))).isTrue();
        assertThat(lan.allows(ip("169.254.169.254")))
                .as("a cloud's metadata service")
                .isFalse();
        assertThat(lan.allows(ip("224.0.0.1"))).isFalse();
    }

    @Test
    void anAllowListOpensOnlyItsBlocks() {
        AddressPolicy listed = AddressPolicy.publicOnly().allowing("10.1.0.0/16", "fd00:1::/32");

        assertThat(listed.allows(ip("10.1.2.3"))).isTrue();
        assertThat(listed.allows(ip("10.2.0.1"))).isFalse();
        assertThat(listed.allows(ip("fd00:1::5"))).isTrue();
        assertThat(listed.allows(ip("fd00:2::5"))).isFalse();
        assertThat(listed.allows(ip("8.8.8.8"))).isTrue();
        assertThat(AddressPolicy.allowAll().allows(ip("169.254.169.254"))).isTrue();
    }

    @Test
    void aHostIsResolvedAndRefusedWhenItHasOnlyForbiddenAddresses() {
        assertThatThrownBy(() -> publicOnly.resolve("localhost"))
                .isInstanceOf(ForbiddenAddressException.class)
                .hasMessageContaining("refused to connect to localhost")
                .hasMessageContaining("loopback");
        assertThatThrownBy(() -> publicOnly.resolve("[::1]")).isInstanceOf(ForbiddenAddressException.class);
    }

    private static InetAddress ip(String literal) {
        return InetAddress.ofLiteral(literal);
    }
}
