package com.hypertube.torrent.bencode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Encodes values canonically: dictionary keys in raw-byte order, integers without padding. */
public final class BencodeEncoder {

    private BencodeEncoder() {}

    public static byte[] encode(BencodeValue value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(value, out);
        return out.toByteArray();
    }

    private static void write(BencodeValue value, ByteArrayOutputStream out) {
        switch (value) {
            case BencodeInteger integer -> ascii(out, "i" + integer.value() + "e");
            case BencodeString string -> writeString(string.bytes(), out);
            case BencodeList list -> {
                out.write('l');
                list.values().forEach(item -> write(item, out));
                out.write('e');
            }
            case BencodeDictionary dictionary -> {
                out.write('d');
                for (Map.Entry<String, BencodeValue> entry :
                        dictionary.entries().entrySet()) {
                    writeString(entry.getKey().getBytes(StandardCharsets.ISO_8859_1), out);
                    write(entry.getValue(), out);
                }
                out.write('e');
            }
        }
    }

    private static void writeString(byte[] bytes, ByteArrayOutputStream out) {
        ascii(out, bytes.length + ":");
        out.write(bytes, 0, bytes.length);
    }

    private static void ascii(ByteArrayOutputStream out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        out.write(bytes, 0, bytes.length);
    }
}
