package com.hypertube.torrent.tracker;

import com.hypertube.torrent.peer.PeerAddress;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Peers in compact form: 4-byte IPv4 (BEP 23) or 16-byte IPv6 (BEP 7) address, then a 2-byte port. */
public final class CompactPeers {

    private CompactPeers() {}

    public static List<PeerAddress> decode(byte[] compact, int addressLength) throws TrackerException {
        int entry = addressLength + 2;
        if (compact.length % entry != 0) {
            throw new TrackerException("compact peers of " + compact.length + " bytes, not a multiple of " + entry);
        }
        List<PeerAddress> peers = new ArrayList<>(compact.length / entry);
        for (int at = 0; at < compact.length; at += entry) {
            int port = ((compact[at + addressLength] & 0xff) << 8) | (compact[at + addressLength + 1] & 0xff);
            if (port == 0) {
                continue; // not reachable: skip rather than fail the whole answer
            }
            try {
                String host = InetAddress.getByAddress(Arrays.copyOfRange(compact, at, at + addressLength))
                        .getHostAddress();
                peers.add(new PeerAddress(host, port));
            } catch (UnknownHostException e) {
                throw new TrackerException("bad compact address");
            }
        }
        return peers;
    }
}
