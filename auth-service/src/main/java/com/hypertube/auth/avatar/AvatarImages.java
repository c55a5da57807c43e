package com.hypertube.auth.avatar;

import com.hypertube.web.ProblemTypes;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.springframework.http.HttpStatus;

/**
 * Turns an uploaded picture into the avatar we store: the type is read from the bytes (PNG, JPEG or GIF
 * magic numbers, whatever the name or Content-Type claim), the dimensions are checked before the pixels
 * are decoded (no decompression bombs), and the result is scaled to fit 256×256 and re-encoded as PNG —
 * so nothing the user sent is ever served back as is.
 *
 * <p>Memory is bounded whatever the picture: it is decoded already subsampled to at most twice the avatar's
 * side (the decoders read row by row and keep only every n-th pixel), so a 6000×6000 PNG at 16 bits per
 * channel — ~288 MB decoded whole from a ~300 KB file — costs about 2 MB; and one picture is decoded at a
 * time.
 */
final class AvatarImages {

    static final int MAX_SIDE = 256;
    static final int MAX_SOURCE_SIDE = 6000;
    static final long MAX_PROGRESSIVE_PIXELS = 4_000_000;

    /** The decoded picture's longest side at most: enough to scale down to {@link #MAX_SIDE} smoothly. */
    static final int MAX_DECODED_SIDE = 2 * MAX_SIDE;

    private static final java.util.concurrent.Semaphore ONE_AT_A_TIME = new java.util.concurrent.Semaphore(1);

    private AvatarImages() {}

    static byte[] reencode(byte[] upload) {
        if (!isPng(upload) && !isJpeg(upload) && !isGif(upload)) {
            throw unsupported();
        }
        BufferedImage image;
        if (!acquireDecoder()) {
            throw ProblemTypes.error(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "avatar-busy",
                    "Pictures are being processed: try again in a moment.");
        }
        try {
            image = decode(upload);
        } finally {
            ONE_AT_A_TIME.release();
        }
        double scale = Math.min(1.0, (double) MAX_SIDE / Math.max(image.getWidth(), image.getHeight()));
        int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D graphics = scaled.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            graphics.drawImage(image, 0, 0, width, height, null);
        } finally {
            graphics.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(scaled, "png", png);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot encode a PNG in memory", e);
        }
        return png.toByteArray();
    }

    // A queue of uploads each holding its bytes would be its own exhaustion: wait a little, then say so.
    private static boolean acquireDecoder() {
        try {
            return ONE_AT_A_TIME.tryAcquire(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static BufferedImage decode(byte[] upload) {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw unsupported();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                // A progressive JPEG is decoded whole in native memory whatever the subsampling: a smaller bound.
                if (isProgressiveJpeg(upload) && pixels > MAX_PROGRESSIVE_PIXELS) {
                    throw ProblemTypes.error(
                            HttpStatus.BAD_REQUEST,
                            "avatar-too-large",
                            "A progressive JPEG may have at most " + MAX_PROGRESSIVE_PIXELS / 1_000_000
                                    + " megapixels: save it as a baseline JPEG or a PNG.");
                }
                if (reader.getWidth(0) > MAX_SOURCE_SIDE || reader.getHeight(0) > MAX_SOURCE_SIDE) {
                    throw ProblemTypes.error(
                            HttpStatus.BAD_REQUEST,
                            "avatar-too-large",
                            "The picture is larger than " + MAX_SOURCE_SIDE + "×" + MAX_SOURCE_SIDE + " pixels.");
                }
                int step = Math.max(
                        1,
                        (Math.max(reader.getWidth(0), reader.getHeight(0)) + MAX_DECODED_SIDE - 1) / MAX_DECODED_SIDE);
                javax.imageio.ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(step, step, 0, 0);
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof org.springframework.web.ErrorResponseException known) {
                throw known;
            }
            throw ProblemTypes.error(HttpStatus.BAD_REQUEST, "avatar-unreadable", "The picture cannot be read.");
        }
    }

    /** Whether a JPEG's frame header is a progressive one (SOF2, SOF6, SOF10 or SOF14), walking its segments. */
    static boolean isProgressiveJpeg(byte[] b) {
        if (!isJpeg(b)) {
            return false;
        }
        int at = 2;
        while (at + 4 <= b.length && (b[at] & 0xff) == 0xff) {
            int marker = b[at + 1] & 0xff;
            if (marker == 0xc2 || marker == 0xc6 || marker == 0xca || marker == 0xce) {
                return true;
            }
            if (marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc) {
                return false; // a baseline or other frame header
            }
            at += 2 + (((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff));
        }
        return false;
    }

    private static boolean isPng(byte[] b) {
        return b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
    }

    private static boolean isJpeg(byte[] b) {
        return b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff;
    }

    private static boolean isGif(byte[] b) {
        return b.length > 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8';
    }

    private static RuntimeException unsupported() {
        return ProblemTypes.error(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "avatar-unsupported",
                "An avatar must be a PNG, JPEG or GIF picture.");
    }
}
