package com.hypertube.streaming.playback;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Just enough of ISO BMFF to read where a segment starts: the first track's timescale (init segment's first
 * {@code mdhd}) and the first fragment's decode time ({@code moof/traf/tfdt}). The video is always mapped
 * first, so the first track is the video.
 */
final class Fmp4 {

    private Fmp4() {}

    /** The segment's first decode time in seconds, or empty when a box is missing (not an fMP4 of ours). */
    static java.util.OptionalDouble startSeconds(Path init, Path segment) throws IOException {
        OptionalLong timescale = find(ByteBuffer.wrap(Files.readAllBytes(init)), "mdhd", Fmp4::timescale);
        OptionalLong decodeTime = find(ByteBuffer.wrap(Files.readAllBytes(segment)), "tfdt", Fmp4::decodeTime);
        if (timescale.isEmpty() || decodeTime.isEmpty() || timescale.getAsLong() == 0) {
            return java.util.OptionalDouble.empty();
        }
        return java.util.OptionalDouble.of((double) decodeTime.getAsLong() / timescale.getAsLong());
    }

    private interface Reader {
        long read(ByteBuffer box);
    }

    /** Depth-first through the container boxes, the first box of that type read by the reader. */
    private static OptionalLong find(ByteBuffer data, String type, Reader reader) {
        while (data.remaining() >= 8) {
            int start = data.position();
            long size = Integer.toUnsignedLong(data.getInt());
            byte[] name = new byte[4];
            data.get(name);
            int header = 8;
            if (size == 1 && data.remaining() >= 8) {
                size = data.getLong();
                header = 16;
            } else if (size == 0) {
                size = data.limit() - start;
            }
            if (size < header || start + size > data.limit()) {
                return OptionalLong.empty();
            }
            ByteBuffer body = data.slice(start + header, (int) size - header);
            String boxType = new String(name, java.nio.charset.StandardCharsets.ISO_8859_1);
            if (boxType.equals(type)) {
                return OptionalLong.of(reader.read(body));
            }
            if (java.util.Set.of("moov", "trak", "mdia", "moof", "traf").contains(boxType)) {
                OptionalLong inner = find(body, type, reader);
                if (inner.isPresent()) {
                    return inner;
                }
            }
            data.position((int) (start + size));
        }
        return OptionalLong.empty();
    }

    private static long timescale(ByteBuffer mdhd) {
        int version = mdhd.get(0);
        return Integer.toUnsignedLong(mdhd.getInt(version == 1 ? 20 : 12));
    }

    private static long decodeTime(ByteBuffer tfdt) {
        int version = tfdt.get(0);
        return version == 1 ? tfdt.getLong(4) : Integer.toUnsignedLong(tfdt.getInt(4));
    }
}
