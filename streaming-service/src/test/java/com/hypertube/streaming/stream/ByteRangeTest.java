package com.hypertube.streaming.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.web.ErrorResponseException;

class ByteRangeTest {

    @ParameterizedTest(name = "{0} of 1000 bytes")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            bytes=0-499         | 0   | 499
            bytes=500-          | 500 | 999
            bytes=-100          | 900 | 999
            bytes=-5000         | 0   | 999
            bytes=990-5000      | 990 | 999
            bytes=999-999       | 999 | 999
            bytes=0-99999999999999999999 | 0 | 999
            bytes=10-9223372036854775808 | 10 | 999
            bytes=-99999999999999999999 | 0 | 999
            """)
    void servesOneRange(String header, long start, long end) {
        assertThat(ByteRange.parse(header, 1000)).hasValue(new ByteRange(start, end));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            bytes=0-1,5-6
            items=0-10
            bytes=abc
            bytes=-
            bytes=500-100
            """)
    void ignoresWhatIsNotOneValidRange(String header) {
        assertThat(ByteRange.parse(header, 1000)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "bytes=1000-",
        "bytes=5000-6000",
        "bytes=-0",
        "bytes=9999999999999999999-",
        "bytes=99999999999999999999-",
        "bytes=9223372036854775807-9223372036854775807"
    })
    void refusesARangeBeyondTheFile(String header) {
        assertThatThrownBy(() -> ByteRange.parse(header, 1000))
                .isInstanceOfSatisfying(ErrorResponseException.class, error -> {
                    assertThat(error.getStatusCode().value()).isEqualTo(416);
                    assertThat(error.getHeaders().getFirst("Content-Range")).isEqualTo("bytes */1000");
                });
    }

    @org.junit.jupiter.api.Test
    void noHeaderMeansTheWholeFile() {
        assertThat(ByteRange.parse(null, 1000)).isEmpty();
    }
}
