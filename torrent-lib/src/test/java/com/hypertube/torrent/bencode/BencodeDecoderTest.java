package com.hypertube.torrent.bencode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BencodeDecoderTest {

    @Test
    void decodesEachKindOfValue() throws Exception {
        BencodeValue value = decode(
                "d" // dictionary
                        + "4:listl" // "list" -> [
                        + "i-42e" //   -42
                        + "0:" //   ""
                        + "e" // ]
                        + "6:numberi7e" // "number" -> 7
                        + "4:spam4:eggs" // "spam" -> "eggs"
                        + "e");

        assertThat(value)
                .isEqualTo(new BencodeDictionary(Map.of(
                        "list", new BencodeList(List.of(new BencodeInteger(-42), BencodeString.of(""))),
                        "number", new BencodeInteger(7),
                        "spam", BencodeString.of("eggs"))));
    }

    @Test
    void aDictionaryKeepsTheExactBytesItWasReadFrom() throws Exception {
        String info = "d6:lengthi12e4:name3:abce";
        BencodeDictionary root = (BencodeDictionary) decode("d8:announce3:url4:info" + info + "e");

        BencodeDictionary decodedInfo = (BencodeDictionary) root.get("info").orElseThrow();

        assertThat(new String(decodedInfo.raw(), StandardCharsets.US_ASCII)).isEqualTo(info);
    }

    @Test
    void encodingADecodedValueGivesBackTheSameBytes() throws Exception {
        String canonical = "d1:ai0e1:bl1:xi-1ee1:cd0:0:ee";

        assertThat(new String(BencodeEncoder.encode(decode(canonical)), StandardCharsets.US_ASCII))
                .isEqualTo(canonical);
    }

    @Test
    void binaryStringsAndKeysSurviveTheRoundTrip() throws Exception {
        byte[] input = {'d', '1', ':', (byte) 0xff, '2', ':', 0, (byte) 0x80, 'e'};

        BencodeDictionary dictionary = (BencodeDictionary) BencodeDecoder.decode(input);

        assertThat(BencodeEncoder.encode(dictionary)).isEqualTo(input);
    }

    @Test
    void decodesTheLargestAndSmallestIntegers() throws Exception {
        assertThat(decode("i9223372036854775807e")).isEqualTo(new BencodeInteger(Long.MAX_VALUE));
        assertThat(decode("i-9223372036854775807e")).isEqualTo(new BencodeInteger(-Long.MAX_VALUE));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                       | unexpected end of input                     | 0
            i42                      | unexpected end of input                     | 3
            ie                       | empty number                                | 1
            i-e                      | empty number                                | 1
            i-0e                     | non-canonical number                        | 1
            i007e                    | non-canonical number                        | 1
            i1.5e                    | expected a digit or 'e'                     | 2
            i9223372036854775808e    | integer out of range                        | 1
            5:abc                    | runs past the end of the input              | 0
            03:abc                   | non-canonical number                        | 0
            -3:abc                   | unexpected byte                             | 0
            i1ei2e                   | trailing data after the value               | 3
            d0:e                     | unexpected byte 0x65                        | 3
            l                        | unexpected end of input                     | 1
            di1ei2ee                 | dictionary key is not a string              | 1
            d1:bi1e1:ai2ee           | dictionary keys out of order                | 7
            d1:ai1e1:ai2ee           | duplicate dictionary key                    | 7
            d1:ae                    | unexpected byte 0x65                        | 4
            x                        | unexpected byte 0x78                        | 0
            """)
    void rejectsMalformedInputWithTheOffsetOfTheFault(String input, String problem, long offset) {
        assertThatThrownBy(() -> decode(input))
                .isInstanceOf(BencodeException.class)
                .hasMessageContaining(problem)
                .satisfies(
                        error -> assertThat(((BencodeException) error).offset()).isEqualTo(offset));
    }

    @Test
    void refusesNestingDeeperThanTheLimit() {
        String deep = "l".repeat(65) + "e".repeat(65);

        assertThatThrownBy(() -> decode(deep)).hasMessageContaining("nested deeper than 64");
    }

    @Test
    void refusesAStringLongerThanTheLimitBeforeAllocatingIt() {
        BencodeLimits small = new BencodeLimits(8, 100, 10);

        assertThatThrownBy(() -> BencodeDecoder.decode("99999999999:x".getBytes(StandardCharsets.US_ASCII), small))
                .hasMessageContaining("over the limit of 10");
    }

    @Test
    void refusesMoreValuesThanTheLimit() {
        BencodeLimits small = new BencodeLimits(8, 5, 10);

        assertThatThrownBy(() -> BencodeDecoder.decode("li1ei2ei3ei4ei5ee".getBytes(StandardCharsets.US_ASCII), small))
                .hasMessageContaining("more than 5 values");
    }

    @Test
    void decodesAPrefixAndSaysWhereItEnded() throws Exception {
        byte[] input = "d1:ai1ee<raw bytes>".getBytes(StandardCharsets.US_ASCII);

        BencodeDecoder.Prefix prefix = BencodeDecoder.decodePrefix(input, BencodeLimits.DEFAULT);

        assertThat(prefix.end()).isEqualTo(8);
        assertThat(prefix.value()).isEqualTo(new BencodeDictionary(Map.of("a", new BencodeInteger(1))));
    }

    private static BencodeValue decode(String input) throws BencodeException {
        return BencodeDecoder.decode(input.getBytes(StandardCharsets.ISO_8859_1));
    }
}
