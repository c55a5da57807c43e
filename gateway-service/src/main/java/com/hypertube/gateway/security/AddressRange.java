package com.hypertube.gateway.security;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An address or a CIDR range ({@code 10.0.0.0/8}, {@code fd00::/8}, {@code 127.0.0.4}), matched against
 * literal addresses only: nothing here ever resolves a name. (Spring Security's IpAddressMatcher does the
 * same but drags the servlet API into a reactive gateway.)
 */
record AddressRange(byte[] network, int prefixBits) {

    static AddressRange parse(String text) {
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        byte[] bytes = literal(address);
        if (bytes == null) {
            throw new IllegalArgumentException("Not an address or CIDR range: " + text);
        }
        int bits = slash < 0 ? bytes.length * 8 : Integer.parseInt(trimmed.substring(slash + 1));
        if (bits < 0 || bits > bytes.length * 8) {
            throw new IllegalArgumentException("Bad prefix length in " + text);
        }
        return new AddressRange(bytes, bits);
    }

    boolean contains(String address) {
        byte[] candidate = literal(address);
        if (candidate == null || candidate.length != network.length) {
            return false;
        }
        int fullBytes = prefixBits / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixBits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (candidate[fullBytes] & mask) == (network[fullBytes] & mask);
    }

    /** The bytes of a literal IPv4 or IPv6 address; null for anything else (a name is never looked up). */
    static byte[] literal(String address) {
        if (address.isEmpty() || address.length() > 45) {
            return null;
        }
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            boolean ok =
                    (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == '.' || c == ':';
            if (!ok) {
                return null;
            }
        }
        if (address.indexOf(':') < 0 && address.chars().anyMatch(Character::isLetter)) {
            return null; // "deadbeef" would be a host name to InetAddress
        }
        try {
            // With only digits, dots, colons and hex letters this parses a literal and never does a lookup.
            return InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
