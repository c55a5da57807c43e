package com.hypertube.torrent.metainfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hypertube.torrent.bencode.BencodeDictionary;
import com.hypertube.torrent.bencode.BencodeInteger;
import com.hypertube.torrent.bencode.BencodeString;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each .torrent of the hostile corpus (src/test/resources/torrents/hostile) and the error it must give. */
class HostileTorrentsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            path-traversal.torrent           | '..' in a file path
            path-traversal-in-name.torrent   | '..' in a file path
            absolute-path.torrent            | path separator inside the name "/etc/passwd"
            backslash-traversal.torrent      | path separator inside the name
            empty-path-component.torrent     | empty name in a file path
            empty-path.torrent               | a file has no path
            nul-in-name.torrent              | control character in the name "movie\\u0000.exe"
            bidi-override-name.torrent       | bidirectional control character in the name "movie\\u202egpj.exe"
            drive-letter.torrent             | drive letter in the name "C:evil"
            reserved-device-name.torrent     | reserved device name "CON.txt"
            overlong-name.torrent            | name longer than 255 bytes
            negative-length.torrent          | negative file length -1
            negative-file-length.torrent     | negative file length -50
            zero-piece-length.torrent        | piece length 0 is not between 1 and
            mismatched-piece-hashes.torrent  | the files need 7 pieces but there are 2 piece hashes
            ragged-pieces.torrent            | pieces is 19 bytes, not a multiple of 20
            length-and-files.torrent         | both length and files
            length-overflow.torrent          | more bytes than can be counted
            no-info.torrent                  | no info dictionary
            no-name.torrent                  | no name in the info dictionary
            v2-only.torrent                  | a v2-only torrent
            not-bencode.torrent              | not a torrent file: unexpected byte 0x3c at offset 0
            truncated.torrent                | not a torrent file: string of 20 bytes runs past the end of the input at offset 107
            trailing-garbage.torrent         | not a torrent file: trailing data after the value
            list-at-top.torrent              | the top level is not a dictionary
            """)
    void isRefusedWithAClearError(String file, String error) throws IOException {
        byte[] torrent = resource("torrents/hostile/" + file);

        assertThatThrownBy(() -> Metainfo.parse(torrent))
                .isInstanceOf(MetainfoException.class)
                .hasMessageContaining(error);
    }

    @Test
    void everyFileOfTheCorpusIsInTheTable() throws Exception {
        Path folder = Path.of(getClass().getResource("/torrents/hostile").toURI());
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .hasSize(25)
                    .allMatch(name -> name.endsWith(".torrent"));
        }
    }

    @Test
    void tooManyPiecesAreRefusedBeforeTheFilesAreLookedAt() {
        int pieces = InfoParser.MAX_PIECES + 1;
        BencodeDictionary info = new BencodeDictionary(Map.of(
                "name", BencodeString.of("x"),
                "piece length", new BencodeInteger(1),
                "length", new BencodeInteger(pieces),
                "pieces", new BencodeString(new byte[20 * pieces])));

        assertThatThrownBy(() -> InfoParser.parse(info)).hasMessageContaining("more than 1048576 pieces");
    }

    @Test
    void aTorrentFileLargerThanTheLimitIsRefusedUnread() {
        byte[] huge = new byte[Metainfo.MAX_TORRENT_BYTES + 1];

        assertThatThrownBy(() -> Metainfo.parse(huge)).hasMessageContaining("larger than");
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = HostileTorrentsTest.class.getResourceAsStream("/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }
}
