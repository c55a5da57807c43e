package com.hypertube.streaming.subtitles;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenSubtitles' moviehash. Its published test values (breakdance.avi, 12,909,756 bytes: 8e245d9679d31e12) need
 * a file we do not have; so the class is checked against values that follow from the definition alone (a file of
 * zeros hashes to its size; of 0xFF bytes, to its size minus the number of words read) and against an independent
 * implementation written like the reference Python one: each 8 bytes unpacked as a little-endian number, summed
 * in arbitrary precision, the total taken modulo 2^64.
 */
class MovieHashTest {

    @TempDir
    Path temp;

    @Test
    void aFileOfZerosHashesToItsSize() throws IOException {
        Path zeros = temp.resolve("zeros.bin");
        Files.write(zeros, new byte[128 * 1024]);
        try (FileChannel file = FileChannel.open(zeros)) {
            assertThat(MovieHash.of(file)).contains("0000000000020000");
        }
    }

    @Test
    void everyWordOfOnesCountsMinusOne() {
        byte[] ones = new byte[MovieHash.BLOCK];
        Arrays.fill(ones, (byte) 0xFF);
        // 131,072 - 2 × 8,192 words of -1 = 114,688 = 0x1c000
        assertThat(MovieHash.of(128 * 1024, ones, ones)).isEqualTo("000000000001c000");
    }

    @Test
    void agreesWithTheReferenceAlgorithmOnRandomFilesLargeAndSmall() throws IOException {
        Random random = new Random(42);
        for (int size : new int[] {128 * 1024, 128 * 1024 + 1, 300_007, 2_000_000}) {
            byte[] content = new byte[size];
            random.nextBytes(content);
            Path video = temp.resolve("video-" + size + ".bin");
            Files.write(video, content);
            try (FileChannel file = FileChannel.open(video)) {
                assertThat(MovieHash.of(file)).as("size %d", size).contains(reference(content));
            }
        }
    }

    @Test
    void aFileUnder128KiBHasNoHash() throws IOException {
        Path small = temp.resolve("small.bin");
        Files.write(small, new byte[128 * 1024 - 1]);
        try (FileChannel file = FileChannel.open(small)) {
            assertThat(MovieHash.of(file)).isEmpty();
        }
    }

    /** As the reference Python: {@code struct.unpack("<q", ...)} of each 8 bytes, {@code & 0xFFFFFFFFFFFFFFFF}. */
    private static String reference(byte[] content) {
        BigInteger modulus = BigInteger.ONE.shiftLeft(64);
        BigInteger hash = BigInteger.valueOf(content.length);
        int block = 65536;
        for (int start : new int[] {0, content.length - block}) {
            for (int at = start; at < start + block; at += 8) {
                BigInteger word = BigInteger.ZERO;
                for (int i = 7; i >= 0; i--) {
                    word = word.shiftLeft(8).add(BigInteger.valueOf(content[at + i] & 0xFF));
                }
                hash = hash.add(word).mod(modulus);
            }
        }
        return String.format("%016x", hash);
    }
}
