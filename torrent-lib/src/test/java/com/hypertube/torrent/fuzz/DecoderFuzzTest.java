package com.hypertube.torrent.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.hypertube.torrent.bencode.BencodeDecoder;
import com.hypertube.torrent.bencode.BencodeEncoder;
import com.hypertube.torrent.bencode.BencodeException;
import com.hypertube.torrent.bencode.BencodeValue;
import com.hypertube.torrent.extension.ExtensionHandshake;
import com.hypertube.torrent.extension.MetadataMessage;
import com.hypertube.torrent.magnet.InvalidMagnetException;
import com.hypertube.torrent.magnet.MagnetLink;
import com.hypertube.torrent.metainfo.Metainfo;
import com.hypertube.torrent.metainfo.MetainfoException;
import com.hypertube.torrent.peer.PeerMessage;
import com.hypertube.torrent.peer.PeerProtocolException;
import com.hypertube.torrent.peer.PeerWireCodec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Fuzz targets for everything that decodes bytes from strangers. Each may only ever fail with its own
 * typed exception: anything else (a runtime exception, running out of memory) is a bug Jazzer reports.
 *
 * <p>{@code ./mvnw -pl torrent-lib test -Dtest=DecoderFuzzTest} replays the inputs under
 * src/test/resources; with {@code JAZZER_FUZZ=1} and one method named, Jazzer fuzzes it for maxDuration.
 */
class DecoderFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void bencode(byte[] input) {
        try {
            BencodeValue value = BencodeDecoder.decode(input);
            // Strict decoding means canonical input: encoding it again gives the same bytes.
            if (!Arrays.equals(BencodeEncoder.encode(value), input)) {
                throw new AssertionError("decoded input does not encode back to itself");
            }
        } catch (BencodeException expected) {
            // malformed input, refused with its offset
        }
    }

    @FuzzTest(maxDuration = "30s")
    void metainfo(byte[] input) {
        try {
            Metainfo.parse(input);
        } catch (MetainfoException expected) {
            // malformed or hostile torrent, refused with its reason
        }
    }

    @FuzzTest(maxDuration = "30s")
    void magnet(byte[] input) {
        try {
            MagnetLink.parse(new String(input, StandardCharsets.UTF_8));
        } catch (InvalidMagnetException expected) {
            // not a usable magnet link
        }
    }

    @FuzzTest(maxDuration = "30s")
    void peerMessages(byte[] input) {
        ByteBuffer buffer = ByteBuffer.wrap(input);
        try {
            PeerMessage message;
            while ((message = PeerWireCodec.decode(buffer)) != null) {
                if (message instanceof PeerMessage.Extended extended) {
                    decodeExtension(extended);
                }
            }
        } catch (PeerProtocolException expected) {
            // a peer that breaks the protocol is dropped
        }
    }

    private static void decodeExtension(PeerMessage.Extended extended) throws PeerProtocolException {
        if (extended.extensionId() == 0) {
            ExtensionHandshake.decode(extended.payload());
        } else {
            MetadataMessage.decode(extended.payload());
        }
    }
}
