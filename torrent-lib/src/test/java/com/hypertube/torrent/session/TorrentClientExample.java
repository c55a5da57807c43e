package com.hypertube.torrent.session;

import com.hypertube.torrent.magnet.MagnetLink;
import com.hypertube.torrent.stream.TorrentFileReader;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The example shown in {@link TorrentClient}'s Javadoc ({@code @snippet}): it lives here, compiled with the
 * tests, so that an example calling a method the API does not have fails the build, as it would fail a reader.
 */
final class TorrentClientExample {

    private TorrentClientExample() {}

    static void streamTheFirstFile(String link) throws Exception {
        // @start region="stream"
        try (TorrentClient client =
                TorrentClient.builder().downloadRoot(Path.of("downloads")).build()) {
            TorrentHandle torrent = client.add(MagnetLink.parse(link));
            torrent.metadata().get(); // the magnet's metadata, from its peers
            try (TorrentFileReader reader = torrent.openFile(0, Duration.ofSeconds(30))) {
                reader.position(1_000_000); // a seek: the pieces there become the most urgent
                ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
                reader.read(bytes); // waits for the piece under the position, up to the timeout
            }
        }
        // @end
    }
}
