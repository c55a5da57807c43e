package com.hypertube.media.catalog;

import com.hypertube.web.ProblemTypes;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/**
 * Where the next page starts: the last item's sort value and id (keyset pagination). A page read from a cursor
 * starts strictly after that item in the list's order, so titles added or removed meanwhile never make an item
 * appear twice or be skipped, unlike an offset. Opaque to clients (base64url), and bound to the order it was
 * made for: a cursor used with another sort is refused.
 *
 * @param sort the order the cursor belongs to
 * @param descending its direction
 * @param value the last item's sort value: text for {@link BrowseSort#NAME}, a number otherwise
 * @param id the last item's id, which breaks ties
 */
record Cursor(BrowseSort sort, boolean descending, String value, UUID id) {

    private static final String VERSION = "c1";

    String encode() {
        String plain = String.join("|", VERSION, sort.name(), descending ? "d" : "a", id.toString(), value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a cursor a client sent back; anything that is not one of ours, or not for this order, is a 400. */
    static Cursor decode(String encoded, BrowseSort sort, boolean descending) {
        try {
            if (encoded.length() > 400) {
                throw new IllegalArgumentException("too long");
            }
            String plain = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            String[] parts = plain.split("\\|", 5);
            if (parts.length != 5 || !VERSION.equals(parts[0])) {
                throw new IllegalArgumentException("not a cursor");
            }
            Cursor cursor =
                    new Cursor(BrowseSort.valueOf(parts[1]), "d".equals(parts[2]), parts[4], UUID.fromString(parts[3]));
            if (cursor.sort != sort || cursor.descending != descending) {
                throw new IllegalArgumentException("for another order");
            }
            if (sort.numeric) {
                Double.parseDouble(cursor.value);
            }
            return cursor;
        } catch (IllegalArgumentException e) {
            throw ProblemTypes.error(
                    HttpStatus.BAD_REQUEST,
                    "invalid-cursor",
                    "The cursor is not one this list gave, or it was made for another sort: start from the first page.");
        }
    }

    Object sqlValue() {
        return sort.numeric ? (Object) new java.math.BigDecimal(value) : value;
    }
}
