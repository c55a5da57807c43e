package com.hypertube.torrent.net;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which addresses the client may connect to on a URL's say: trackers (and web seeds). A magnet's
 * {@code tr=} is anyone's to write, so without a policy the server would send requests into its own
 * network: internal services, a cloud's metadata service at 169.254.169.254. The default,
 * {@link #publicOnly()}, refuses loopback, private (RFC 1918, IPv6 unique-local), shared (CGNAT,
 * 100.64/10), link-local, multicast, unspecified and reserved addresses, and the documentation ranges (RFC 5737's
 * three IPv4 blocks, RFC 3849's {@code 2001:db8::/32}: never routed, so a tracker there is a made-up one),
 * IPv4 ones also in their IPv6 forms (mapped {@code ::ffff:a.b.c.d}, compatible {@code ::a.b.c.d}, NAT64
 * {@code 64:ff9b::a.b.c.d}).
 *
 * <p>A host is resolved once ({@link #resolve}) and the connection made to the very address checked: a
 * name that resolves to a public address when checked and to a private one when connected (DNS rebinding)
 * gets nowhere. Peers are not subject to it: they come from trackers and peers, and connecting to them sends
 * nothing but the BitTorrent handshake.
 */
public final class AddressPolicy {

    private record Range(Cidr block, String what, boolean isPrivate) {}

    private static final List<Range> REFUSED = List.of(
            new Range(Cidr.parse("0.0.0.0/8"), "unspecified (\"this network\")", false),
            new Range(Cidr.parse("10.0.0.0/8"), "private", true),
            new Range(Cidr.parse("100.64.0.0/10"), "shared (CGNAT)", true),
            new Range(Cidr.parse("127.0.0.0/8"), "loopback", true),
            new Range(Cidr.parse("169.254.0.0/16"), "link-local", false),
            new Range(Cidr.parse("172.16.0.0/12"), "private", true),
            new Range(Cidr.parse("192.0.0.0/24"), "reserved (IETF protocol assignments)", false),
            new Range(Cidr.parse("192.0.2.0/24"), "documentation (TEST-NET-1)", false),
            new Range(Cidr.parse("192.168.0.0/16"), "private", true),
            new Range(Cidr.parse("198.18.0.0/15"), "reserved (benchmarking)", true),
            new Range(Cidr.parse("198.51.100.0/24"), "documentation (TEST-NET-2)", false),
            new Range(Cidr.parse("203.0.113.0/24"), "documentation (TEST-NET-3)", false),
            new Range(Cidr.parse("224.0.0.0/4"), "multicast", false),
            new Range(Cidr.parse("240.0.0.0/4"), "reserved (and broadcast)", false),
            new Range(Cidr.parse("::/128"), "unspecified", false),
            new Range(Cidr.parse("::1/128"), "loopback", true),
            new Range(Cidr.parse("2001:db8::/32"), "documentation", false),
            new Range(Cidr.parse("fc00::/7"), "private (unique local)", true),
            new Range(Cidr.parse("fe80::/10"), "link-local", false),
            new Range(Cidr.parse("fec0::/10"), "site-local (deprecated)", true),
            new Range(Cidr.parse("ff00::/8"), "multicast", false));

    private static final Cidr MAPPED = Cidr.parse("::ffff:0:0/96");
    private static final Cidr COMPATIBLE = Cidr.parse("::/96");
    private static final Cidr NAT64 = Cidr.parse("64:ff9b::/96");

    private final boolean allowAll;
    private final boolean allowPrivate;
    private final List<Cidr> allowed;
    private final Set<String> trustedHosts;

    private AddressPolicy(boolean allowAll, boolean allowPrivate, List<Cidr> allowed, Set<String> trustedHosts) {
        this.allowAll = allowAll;
        this.allowPrivate = allowPrivate;
        this.allowed = List.copyOf(allowed);
        this.trustedHosts = Set.copyOf(trustedHosts);
    }

    /** Public addresses only: the default, and what a server must use. */
    public static AddressPolicy publicOnly() {
        return new AddressPolicy(false, false, List.of(), Set.of());
    }

    /** Every address: for a user's own tool on their own machine (the CLI), and tests. */
    public static AddressPolicy allowAll() {
        return new AddressPolicy(true, true, List.of(), Set.of());
    }

    /**
     * This policy, and also loopback, private, unique-local and CGNAT addresses (a tracker on the LAN). Still
     * refused: link-local (a cloud's metadata service is there), multicast, unspecified; allow those by
     * block if ever needed.
     */
    public AddressPolicy allowingPrivate() {
        return new AddressPolicy(allowAll, true, allowed, trustedHosts);
    }

    /** This policy, and also the addresses in these blocks ({@code "10.1.0.0/16"}, {@code "fd00::/8"}…). */
    public AddressPolicy allowing(String... blocks) {
        List<Cidr> more = new ArrayList<>(allowed);
        Arrays.stream(blocks).map(Cidr::parse).forEach(more::add);
        return new AddressPolicy(allowAll, allowPrivate, more, trustedHosts);
    }

    /**
     * This policy, and also this one host whatever it resolves to: a tracker the administrator named (a default
     * tracker on their LAN, say) is their choice, not a stranger's. Only {@link #resolve} of that very name is
     * exempt: a redirect to another host, or an address met by other means, is checked as usual.
     */
    public AddressPolicy trustingHost(String host) {
        Set<String> more = new HashSet<>(trustedHosts);
        more.add(hostKey(host));
        return new AddressPolicy(allowAll, allowPrivate, allowed, more);
    }

    public boolean allows(InetAddress address) {
        return refusal(address) == null;
    }

    /** Why the address is refused, or null when it is allowed. */
    public String refusal(InetAddress address) {
        if (allowAll) {
            return null;
        }
        InetAddress embedded = embeddedIpv4(address);
        for (Cidr block : allowed) {
            if (block.contains(address) || (embedded != null && block.contains(embedded))) {
                return null;
            }
        }
        InetAddress checked = embedded != null ? embedded : address;
        for (Range range : REFUSED) {
            if (range.block().contains(checked) && !(allowPrivate && range.isPrivate())) {
                return address.getHostAddress() + " is a " + range.what() + " address"
                        + (embedded != null ? " (an IPv4 one in IPv6 form)" : "");
            }
        }
        return null;
    }

    /**
     * Resolves the host once and returns its first allowed address (its first address, for a trusted host), to
     * connect to that very address; throws when the host has none.
     */
    public InetAddress resolve(String host) throws UnknownHostException, ForbiddenAddressException {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses = InetAddress.getAllByName(bare);
        if (trustedHosts.contains(hostKey(bare))) {
            return addresses[0];
        }
        List<String> refusals = new ArrayList<>();
        for (InetAddress address : addresses) {
            String refusal = refusal(address);
            if (refusal == null) {
                return address;
            }
            refusals.add(refusal);
        }
        throw new ForbiddenAddressException("refused to connect to " + bare + ": " + String.join("; ", refusals));
    }

    private static String hostKey(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return bare.toLowerCase(Locale.ROOT);
    }

    /** The IPv4 address an IPv6 one carries (mapped, compatible, NAT64), or null. */
    private static InetAddress embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)
                || !(MAPPED.contains(address) || COMPATIBLE.contains(address) || NAT64.contains(address))) {
            return null;
        }
        byte[] bytes = address.getAddress();
        boolean unspecifiedOrLoopback = COMPATIBLE.contains(address)
                && bytes[12] == 0
                && bytes[13] == 0
                && bytes[14] == 0
                && (bytes[15] == 0 || bytes[15] == 1);
        if (unspecifiedOrLoopback) {
            return null; // :: and ::1 are themselves, not 0.0.0.0 and 0.0.0.1
        }
        try {
            return InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are an IPv4 address", e);
        }
    }
}
