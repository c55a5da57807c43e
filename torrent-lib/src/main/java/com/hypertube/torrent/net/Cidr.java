package com.hypertube.torrent.net;

import java.net.InetAddress;
import java.util.Arrays;

/** A block of addresses, IPv4 or IPv6, such as {@code 10.0.0.0/8} or {@code fc00::/7}. */
public final class Cidr {

    private final byte[] network;
    private final int prefixLength;
    private final String text;

    private Cidr(byte[] network, int prefixLength, String text) {
        this.network = network;
        this.prefixLength = prefixLength;
        this.text = text;
    }

    /**
     * Parses {@code address/prefix}, or a lone address (a block of one). Only literal addresses: a host name
     * is refused, never looked up.
     */
    public static Cidr parse(String text) {
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        byte[] bytes;
        try {
            bytes = InetAddress.ofLiteral(address.strip()).getAddress();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an IP address block: " + text, e);
        }
        if (address.contains(":") && bytes.length == 4) {
            // Java turns an IPv4-mapped literal (::ffff:0:0) into IPv4: the block meant is the IPv6 one.
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xff;
            mapped[11] = (byte) 0xff;
            System.arraycopy(bytes, 0, mapped, 12, 4);
            bytes = mapped;
        }
        int bits = bytes.length * 8;
        int prefix;
        try {
            prefix = slash < 0
                    ? bits
                    : Integer.parseInt(text.substring(slash + 1).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an IP address block: " + text, e);
        }
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("prefix /" + prefix + " out of range in " + text);
        }
        return new Cidr(mask(bytes, prefix), prefix, text.strip());
    }

    /** Whether the address is in the block; an IPv4 address is never in an IPv6 block, nor the reverse. */
    public boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == network.length && Arrays.equals(mask(bytes, prefixLength), network);
    }

    private static byte[] mask(byte[] bytes, int prefix) {
        byte[] masked = bytes.clone();
        for (int bit = prefix; bit < masked.length * 8; bit++) {
            masked[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        return masked;
    }

    @Override
    public String toString() {
        return text;
    }
}
