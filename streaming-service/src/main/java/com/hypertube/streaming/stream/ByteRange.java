package com.hypertube.streaming.stream;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One byte range of a file, from a {@code Range} header (RFC 9110 §14): {@code bytes=start-end},
 * {@code bytes=start-} or {@code bytes=-suffix}. A header we do not serve as a range (none, malformed,
 * or several ranges) means the whole file, as RFC 9110 lets a server ignore Range; a range that starts
 * past the end is unsatisfiable (416).
 *
 * @param start the first byte
 * @param end the last byte, inclusive
 */
public record ByteRange(long start, long end) {

    // Positions of any length (RFC 9110 puts no bound on them): one past Long.MAX_VALUE is still "past the end".
    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d{0,64})-(\\d{0,64})");

    public long length() {
        return end - start + 1;
    }

    /**
     * @return the range to serve, or empty for the whole file
     * @throws org.springframework.web.ErrorResponseException 416 when the range cannot be satisfied
     */
    public static Optional<ByteRange> parse(String header, long size) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher matcher = SINGLE.matcher(header.trim());
        if (!matcher.matches()) {
            return Optional.empty(); // malformed, another unit, or several ranges: the whole file
        }
        String first = matcher.group(1);
        String last = matcher.group(2);
        if (first.isEmpty() && last.isEmpty()) {
            return Optional.empty();
        }
        if (first.isEmpty()) {
            long suffix = position(last);
            if (suffix == 0 || size == 0) {
                throw StreamProblems.rangeNotSatisfiable(size);
            }
            return Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1));
        }
        long start = position(first);
        long end = last.isEmpty() ? size - 1 : position(last);
        if (start >= size) {
            throw StreamProblems.rangeNotSatisfiable(size);
        }
        if (end < start) {
            return Optional.empty(); // invalid: ignored
        }
        return Optional.of(new ByteRange(start, Math.min(end, size - 1)));
    }

    /** A position's digits as a number, saturating at Long.MAX_VALUE: any file ends before that. */
    private static long position(String digits) {
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(i) - '0';
            if (value > (Long.MAX_VALUE - digit) / 10) {
                return Long.MAX_VALUE;
            }
            value = value * 10 + digit;
        }
        return value;
    }
}
