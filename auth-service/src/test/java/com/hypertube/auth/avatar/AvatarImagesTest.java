package com.hypertube.auth.avatar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Hardening issue, finding 4: a 6000×6000 PNG at 16 bits per channel is ~300 KB on the wire and ~288 MB
 * decoded whole. Re-encoding it as an avatar must cost a small, bounded amount of memory.
 */
@Tag("security")
class AvatarImagesTest {

    @Test
    void aHugeDeepPictureIsDecodedWithBoundedMemory() throws Exception {
        byte[] bomb = blackPng(6000, 6000);
        assertThat(bomb.length).isLessThan(1_000_000);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

        long before = threads.getCurrentThreadAllocatedBytes();
        byte[] avatar = AvatarImages.reencode(bomb);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        var image = ImageIO.read(new ByteArrayInputStream(avatar));
        assertThat(image.getWidth()).isEqualTo(AvatarImages.MAX_SIDE);
        assertThat(image.getHeight()).isEqualTo(AvatarImages.MAX_SIDE);
        assertThat(allocated).as("bytes allocated to decode it").isLessThan(48L << 20);
    }

    @Test
    void aLargeProgressiveJpegIsRefusedAndASmallOneTakenAndBaselineToldApart() throws Exception {
        byte[] large = jpeg(2400, 2400, true);
        byte[] small = jpeg(300, 200, true);
        byte[] baseline = jpeg(300, 200, false);

        assertThat(AvatarImages.isProgressiveJpeg(large)).isTrue();
        assertThat(AvatarImages.isProgressiveJpeg(baseline)).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AvatarImages.reencode(large))
                .isInstanceOfSatisfying(org.springframework.web.ErrorResponseException.class, error -> assertThat(
                                error.getBody().getType().toString())
                        .isEqualTo("urn:hypertube:problem:avatar-too-large"));
        assertThat(ImageIO.read(new ByteArrayInputStream(AvatarImages.reencode(small)))
                        .getWidth())
                .isEqualTo(AvatarImages.MAX_SIDE);
    }

    private static byte[] jpeg(int width, int height, boolean progressive) throws IOException {
        var image = new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        var param = writer.getDefaultWriteParam();
        if (progressive) {
            param.setProgressiveMode(javax.imageio.ImageWriteParam.MODE_DEFAULT);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (var output = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(output);
            writer.write(null, new javax.imageio.IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** A PNG of black pixels, RGBA at 16 bits per channel, written row by row (never whole in memory). */
    private static byte[] blackPng(int width, int height) throws IOException {
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(idat)) {
            byte[] row = new byte[1 + width * 8]; // filter byte 0, then 8 bytes per pixel
            for (int y = 0; y < height; y++) {
                deflate.write(row);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(png);
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        DataOutputStream ihdr = new DataOutputStream(header);
        ihdr.writeInt(width);
        ihdr.writeInt(height);
        ihdr.write(new byte[] {16, 6, 0, 0, 0}); // depth 16, RGBA, deflate, no filter method, no interlace
        chunk(out, "IHDR", header.toByteArray());
        chunk(out, "IDAT", idat.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.writeInt(data.length);
        out.write(name);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }
}
