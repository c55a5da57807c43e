package com.hypertube.torrent.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hypertube.torrent.metainfo.Metainfo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HypertubeTorrentTest {

    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void createsATorrentThatInfoDescribes() throws Exception {
        Path movie = Files.write(temp.resolve("movie.mkv"), random(100_000));
        Path torrent = temp.resolve("movie.torrent");

        assertThat(run(
                        "create",
                        movie.toString(),
                        "--tracker",
                        "udp://192.0.2.1:1337/announce",
                        "-o",
                        torrent.toString()))
                .isZero();
        String hash = Metainfo.parse(Files.readAllBytes(torrent)).infoHash().hex();
        assertThat(stdout()).startsWith(hash);

        out.reset();
        assertThat(run("info", torrent.toString(), "--json")).isZero();
        assertThat(stdout())
                .contains("\"infoHash\":\"" + hash + "\"")
                .contains("\"trackers\":[\"udp://192.0.2.1:1337/announce\"]")
                .contains("{\"index\":0,\"bytes\":100000,\"path\":\"movie.mkv\"}");
    }

    @Test
    void downloadsAndReadsFromASeederOnLoopback() throws Exception {
        Path data = Files.createDirectories(temp.resolve("data"));
        byte[] bytes = random(3_000_000);
        Files.write(data.resolve("film.mp4"), bytes);
        Path torrent = temp.resolve("film.torrent");
        assertThat(run("create", data.resolve("film.mp4").toString(), "-o", torrent.toString()))
                .isZero();
        int port = freePort();
        ByteArrayOutputStream seederErr = new ByteArrayOutputStream();
        Thread seeder = Thread.ofVirtual()
                .start(() -> HypertubeTorrent.run(
                        List.of("seed", torrent.toString(), "--data", data.toString(), "--port", String.valueOf(port)),
                        new PrintStream(new ByteArrayOutputStream()),
                        new PrintStream(seederErr, true)));
        try {
            // the seeder says it is ready (listening, its data checked); if it ended instead, the download says why
            await().atMost(Duration.ofSeconds(10))
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> seederErr.toString(StandardCharsets.UTF_8).contains("on port " + port)
                            || !seeder.isAlive());
            Path downloads = temp.resolve("downloads");
            assertThat(run(
                            "download",
                            torrent.toString(),
                            "-o",
                            downloads.toString(),
                            "--peer",
                            "127.0.0.1:" + port,
                            "--port",
                            "0",
                            "--json"))
                    .as(stderr())
                    .isZero();
            assertThat(Files.readAllBytes(downloads.resolve("film.mp4"))).isEqualTo(bytes);
            assertThat(stdout()).contains("\"event\":\"done\"");

            ByteArrayOutputStream range = new ByteArrayOutputStream();
            int code = HypertubeTorrent.run(
                    List.of(
                            "read",
                            torrent.toString(),
                            "--file",
                            "0",
                            "--offset",
                            "2000000",
                            "--length",
                            "70000",
                            "--peer",
                            "127.0.0.1:" + port),
                    new PrintStream(range),
                    new PrintStream(err));
            assertThat(code).as(stderr()).isZero();
            assertThat(range.toByteArray()).isEqualTo(java.util.Arrays.copyOfRange(bytes, 2_000_000, 2_070_000));
            assertThat(stderr()).contains("first byte after");
        } finally {
            seeder.interrupt();
        }
    }

    @Test
    void seedsSeveralTorrentsThatPeersFindThroughItsOwnTracker() throws Exception {
        Path data = Files.createDirectories(temp.resolve("data"));
        int trackerPort = freePort();
        String announce = "http://127.0.0.1:" + trackerPort + "/announce";
        List<Path> torrents = new java.util.ArrayList<>();
        for (String name : List.of("one.mp4", "two.mkv")) {
            Files.write(data.resolve(name), random(name.length() * 400_000));
            Path torrent = temp.resolve(name + ".torrent");
            assertThat(run("create", data.resolve(name).toString(), "--tracker", announce, "-o", torrent.toString()))
                    .isZero();
            torrents.add(torrent);
        }
        ByteArrayOutputStream seederOut = new ByteArrayOutputStream();
        List<String> seed = List.of(
                "seed",
                torrents.get(0).toString(),
                torrents.get(1).toString(),
                "--data",
                data.toString(),
                "--port",
                "0",
                "--bind",
                "127.0.0.1",
                "--tracker-port",
                String.valueOf(trackerPort),
                "--json");
        Thread seeder = Thread.ofVirtual()
                .start(() -> HypertubeTorrent.run(seed, new PrintStream(seederOut, true), new PrintStream(err, true)));
        try {
            await().atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> seederOut.toString(StandardCharsets.UTF_8).contains("\"event\":\"ready\"")
                            || !seeder.isAlive());
            assertThat(seederOut.toString(StandardCharsets.UTF_8))
                    .as(stderr())
                    .contains("\"tracker\":\"" + announce + "\"");
            for (Path torrent : torrents) {
                Path downloads = temp.resolve("downloads-" + torrent.getFileName());
                // no --peer: the only way to the seeder is the tracker named in the torrent
                assertThat(run(
                                "download",
                                torrent.toString(),
                                "-o",
                                downloads.toString(),
                                "--port",
                                "0",
                                "--timeout",
                                "30"))
                        .as(stderr())
                        .isZero();
                String name = torrent.getFileName().toString().replace(".torrent", "");
                assertThat(Files.readAllBytes(downloads.resolve(name)))
                        .isEqualTo(Files.readAllBytes(data.resolve(name)));
            }
        } finally {
            seeder.interrupt();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a magnet                    | magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567 | a magnet link has no data
            a bind that is a host name  | --bind=example.org                                          | --bind takes an IPv4 address
            a bind that is a hex word   | --bind=cafe                                                 | --bind takes an IPv4 address
            a bind that is IPv6         | --bind=::1                                                  | --bind takes an IPv4 address
            """)
    void seedRefusesWhatItCannotServe(String what, String argument, String message) throws Exception {
        Path data = Files.createDirectories(temp.resolve("data"));
        Files.write(data.resolve("a.mp4"), random(20_000));
        Path torrent = temp.resolve("a.torrent");
        assertThat(run("create", data.resolve("a.mp4").toString(), "-o", torrent.toString()))
                .isZero();
        List<String> args = new java.util.ArrayList<>(List.of("seed", torrent.toString(), "--data", data.toString()));
        if (argument.startsWith("--bind=")) {
            args.addAll(List.of("--bind", argument.substring("--bind=".length())));
        } else {
            args.add(argument);
        }

        int code = HypertubeTorrent.run(args, new PrintStream(out), new PrintStream(err));

        assertThat(code).as(what).isEqualTo(2);
        assertThat(stderr()).contains(message);
    }

    @Test
    void selftestSeedsDownloadsAndComparesOverLoopback() {
        assertThat(run("selftest", "--size", "4")).isZero();
        assertThat(stdout())
                .matches("selftest ok: 4 MiB over 127\\.0\\.0\\.1 in [0-9.]+ s .*a read at 70 % waited \\d+ ms\\R");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            bogus                                         | unknown command 'bogus'                  | 2
            info                                          | missing the torrent file or magnet link  | 2
            info /no/such.torrent                         | no such file: /no/such.torrent           | 2
            info magnet:?xt=urn:btih:xyz                  | bad magnet link                          | 2
            create /no/such/folder -o x.torrent           | no such file or folder                   | 2
            download magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567 --peer nonsense | bad --peer | 2
            download magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567 --port 0 --timeout 1 | no peer sent the torrent's metadata within 1 s | 1
            info x --frobnicate                           | unknown option --frobnicate              | 2
            download x --port                             | --port needs a value                     | 2
            read magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567 --file 0 | read needs --file N, --offset BYTES and --length BYTES | 2
            selftest --size 0                             | --size must be between 1 and 4096        | 2
            """)
    void badInputEndsWithOneLineAndANonZeroExit(String command, String message, int code) {
        assertThat(run(command.split(" "))).isEqualTo(code);
        assertThat(stderr()).contains("hypertube-torrent: " + message).doesNotContain("\tat ");
    }

    @Test
    void aHostileTorrentIsRefusedWithItsReason() throws Exception {
        Path torrent = Files.write(
                temp.resolve("evil.torrent"),
                getClass()
                        .getResourceAsStream("/torrents/hostile/absolute-path.torrent")
                        .readAllBytes());

        assertThat(run("download", torrent.toString(), "-o", temp.toString())).isEqualTo(2);
        assertThat(stderr()).contains("path separator inside the name \"/etc/passwd\"");
    }

    private int run(String... args) {
        return HypertubeTorrent.run(List.of(args), new PrintStream(out), new PrintStream(err));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        return bytes;
    }

    private static int freePort() throws java.io.IOException {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
