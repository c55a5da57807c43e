package com.hypertube.torrent.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hypertube.torrent.metainfo.InfoHash;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Golden bytes for every message, annotated field by field, decoded whole, byte by byte, and re-encoded. */
class PeerWireCodecTest {

    static Stream<Arguments> golden() {
        return Stream.of(
                Arguments.of(new PeerMessage.KeepAlive(), "00000000"), // length 0
                Arguments.of(new PeerMessage.Choke(), "00000001" + "00"), // length 1, id 0
                Arguments.of(new PeerMessage.Unchoke(), "00000001" + "01"),
                Arguments.of(new PeerMessage.Interested(), "00000001" + "02"),
                Arguments.of(new PeerMessage.NotInterested(), "00000001" + "03"),
                Arguments.of(
                        new PeerMessage.Have(0x01020304),
                        "00000005" + "04" + "01020304"), // length 5, id 4, piece index
                Arguments.of(
                        new PeerMessage.Bitfield(new byte[] {(byte) 0b1010_0000, 0x01}),
                        "00000003" + "05" + "a001"), // length 3, id 5, bits
                Arguments.of(
                        new PeerMessage.Request(1, 16384, 16384),
                        "0000000d" + "06" + "00000001" + "00004000" + "00004000"), // 13, id 6, piece, offset, length
                Arguments.of(
                        new PeerMessage.Piece(2, 0, new byte[] {(byte) 0xca, (byte) 0xfe}),
                        "0000000b" + "07" + "00000002" + "00000000" + "cafe"), // 11, id 7, piece, offset, block
                Arguments.of(
                        new PeerMessage.Cancel(1, 16384, 16384),
                        "0000000d" + "08" + "00000001" + "00004000" + "00004000"),
                Arguments.of(new PeerMessage.Port(6881), "00000003" + "09" + "1ae1"), // 3, id 9, port
                Arguments.of(
                        new PeerMessage.Extended(0, "d1:pi6881ee".getBytes(StandardCharsets.US_ASCII)),
                        "0000000d" + "14" + "00" + "64313a7069363838316565")); // 13, id 20, ext id 0, bencode
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("golden")
    void encodesToTheGoldenBytes(PeerMessage message, String hex) {
        assertThat(HexFormat.of().formatHex(PeerWireCodec.encode(message))).isEqualTo(hex);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("golden")
    void writesTheGoldenBytesToAStream(PeerMessage message, String hex) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        PeerWireCodec.writeTo(message, out);

        assertThat(HexFormat.of().formatHex(out.toByteArray())).isEqualTo(hex);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("golden")
    void decodesTheGoldenBytesLeavingNothingOver(PeerMessage message, String hex) throws Exception {
        ByteBuffer buffer = ByteBuffer.wrap(HexFormat.of().parseHex(hex));

        assertThat(PeerWireCodec.decode(buffer)).isEqualTo(message);
        assertThat(buffer.remaining()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("golden")
    void decodesNothingUntilTheLastByteArrives(PeerMessage message, String hex) throws Exception {
        byte[] bytes = HexFormat.of().parseHex(hex);
        ByteBuffer buffer = ByteBuffer.allocate(bytes.length);
        for (int i = 0; i < bytes.length - 1; i++) {
            buffer.put(bytes[i]).flip();
            assertThat(PeerWireCodec.decode(buffer)).as("after %d bytes", i + 1).isNull();
            assertThat(buffer.position()).isZero();
            buffer.position(buffer.limit()).limit(buffer.capacity());
        }
        buffer.put(bytes[bytes.length - 1]).flip();

        assertThat(PeerWireCodec.decode(buffer)).isEqualTo(message);
        assertThat(buffer.remaining()).isZero();
    }

    @Test
    void leavesTrailingBytesOfTheNextMessageInTheBuffer() throws Exception {
        ByteBuffer buffer = ByteBuffer.wrap(HexFormat.of().parseHex("00000001" + "02" + "000000"));

        assertThat(PeerWireCodec.decode(buffer)).isEqualTo(new PeerMessage.Interested());
        assertThat(buffer.remaining()).isEqualTo(3);
        assertThat(PeerWireCodec.decode(buffer)).isNull();
    }

    @Test
    void readsAndSkipsAMessageOfAnUnknownKind() throws Exception {
        // length 2, id 0x0d (the fast extension's "suggest" would be 13 with 4 bytes), 1 payload byte
        ByteBuffer buffer = ByteBuffer.wrap(HexFormat.of().parseHex("00000002" + "0d" + "ff" + "00000000"));

        assertThat(PeerWireCodec.decode(buffer)).isEqualTo(new PeerMessage.Unknown(13, 1));
        assertThat(PeerWireCodec.decode(buffer)).isEqualTo(new PeerMessage.KeepAlive());
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("00000002" + "00" + "00", "message 0 has a 1-byte payload, not 0"), // choke with payload
                Arguments.of("00000004" + "04" + "000001", "message 4 has a 3-byte payload, not 4"), // short have
                Arguments.of("00000006" + "04" + "0000000100", "message 4 has a 5-byte payload, not 4"), // long have
                Arguments.of("00000005" + "04" + "80000000", "negative piece"),
                Arguments.of("0000000d" + "06" + "00000001" + "00000000" + "00000000", "block length 0"),
                Arguments.of("0000000d" + "06" + "00000001" + "00000000" + "00020001", "block length 131073"),
                Arguments.of("0000000d" + "08" + "00000001" + "ffffffff" + "00004000", "negative offset"),
                Arguments.of("00000007" + "07" + "000000010000", "piece message of 6 bytes"),
                Arguments.of("00000002" + "09" + "1a", "message 9 has a 1-byte payload, not 2"),
                Arguments.of("00000001" + "14", "extended message without an extension id"),
                Arguments.of("7fffffff" + "07", "over the cap"), // refused before waiting for 2 GiB
                Arguments.of("ffffffff", "message length 4294967295 is over the cap"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalid")
    void refusesInvalidMessages(String hex, String problem) {
        ByteBuffer buffer = ByteBuffer.wrap(HexFormat.of().parseHex(hex));

        assertThatThrownBy(() -> PeerWireCodec.decode(buffer))
                .isInstanceOf(PeerProtocolException.class)
                .hasMessageContaining(problem);
    }

    @Test
    void handshakeGoldenBytes() throws Exception {
        InfoHash infoHash = InfoHash.fromHex("49d6eb1a32cb1885e58f26d9c9684a2e2040c211");
        byte[] peerId = "-HT0001-abcdefghijkl".getBytes(StandardCharsets.US_ASCII);
        String hex = "13" // protocol name length, 19
                + "426974546f7272656e742070726f746f636f6c" // "BitTorrent protocol"
                + "0000000000100000" // reserved: 0x10 in byte 5 = extension protocol (BEP 10)
                + "49d6eb1a32cb1885e58f26d9c9684a2e2040c211" // info hash
                + "2d48543030303"
                + "12d6162636465666768696a6b6c"; // peer id "-HT0001-abcdefghijkl"

        Handshake ours = Handshake.ours(infoHash, peerId);

        assertThat(HexFormat.of().formatHex(ours.encode())).isEqualTo(hex);
        assertThat(Handshake.decode(HexFormat.of().parseHex(hex))).isEqualTo(ours);
        assertThat(ours.supportsExtensionProtocol()).isTrue();
    }

    @Test
    void refusesWhatIsNotABitTorrentHandshake() {
        byte[] http =
                "GET / HTTP/1.1\r\nHost: x\r\n\r\n".repeat(3).substring(0, 68).getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> Handshake.decode(http)).hasMessageContaining("not a BitTorrent handshake");
        assertThatThrownBy(() -> Handshake.decode(new byte[67])).hasMessageContaining("67 bytes");
    }
}
