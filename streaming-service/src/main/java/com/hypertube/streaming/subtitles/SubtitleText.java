package com.hypertube.streaming.subtitles;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text of a subtitle file, whatever its encoding: a byte-order mark decides when there is one; UTF-8 that
 * decodes cleanly is UTF-8; anything else is detected by ICU from the bytes (Windows-1252, ISO-8859-x,
 * Windows-125x, KOI8-R, Shift-JIS…), and when even ICU has no idea, Windows-1252 (every byte means something).
 * Line ends come out as {@code \n}.
 */
final class SubtitleText {

    private SubtitleText() {}

    static String decode(byte[] bytes) {
        String text;
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        } else if (startsWith(bytes, 0xFF, 0xFE)) {
            text = new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        } else if (startsWith(bytes, 0xFE, 0xFF)) {
            text = new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        } else {
            text = strictUtf8(bytes);
            if (text == null) {
                text = new String(bytes, detected(bytes));
            }
        }
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** The charset ICU finds most likely, among those this JVM can decode. */
    static Charset detected(byte[] bytes) {
        CharsetDetector detector = new CharsetDetector();
        detector.setText(bytes);
        for (CharsetMatch match : detector.detectAll()) {
            // UTF-8 was tried strictly already; ICU's ISO-8859-1 answer is usually Windows-1252 text (curly quotes,
            // the euro sign in 0x80–0x9F), which decodes every ISO-8859-1 byte the same way anyway.
            String name = match.getName().equals("ISO-8859-1") ? "windows-1252" : match.getName();
            if (!name.equals("UTF-8") && Charset.isSupported(name)) {
                return Charset.forName(name);
            }
        }
        return Charset.forName("windows-1252");
    }

    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
