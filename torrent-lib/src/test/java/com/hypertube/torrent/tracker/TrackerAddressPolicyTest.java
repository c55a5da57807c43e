package com.hypertube.torrent.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hypertube.torrent.net.AddressPolicy;
import com.hypertube.torrent.net.ForbiddenAddressException;
import com.hypertube.torrent.tracker.http.HttpTracker;
import com.hypertube.torrent.tracker.udp.UdpTracker;
import com.sun.net.httpserver.HttpServer;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Trackers at forbidden addresses are refused before any connection is made, redirects included: a magnet's
 * {@code tr=} must not make the server send requests into its own network.
 */
@org.junit.jupiter.api.Tag("security")
class TrackerAddressPolicyTest {

    private static final byte[] ANSWER = "d8:intervali900e5:peers0:e".getBytes(StandardCharsets.US_ASCII);

    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void aTrackerOnLoopbackIsRefusedByDefaultWithoutAConnection() throws Exception {
        try (ServerSocket tracker = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
            URI url = URI.create("http://127.0.0.1:" + tracker.getLocalPort() + "/announce");

            assertThatThrownBy(
                            () -> new HttpTracker(url, AddressPolicy.publicOnly()).announce(HttpTrackerTest.request()))
                    .isInstanceOf(ForbiddenAddressException.class)
                    .hasMessageContaining("127.0.0.1 is a loopback address");
            assertNoConnection(tracker);
        }
    }

    @Test
    void aHostNameThatResolvesToLoopbackIsRefusedToo() throws Exception {
        try (ServerSocket tracker = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
            URI url = URI.create("http://localhost:" + tracker.getLocalPort() + "/announce");

            assertThatThrownBy(
                            () -> new HttpTracker(url, AddressPolicy.publicOnly()).announce(HttpTrackerTest.request()))
                    .isInstanceOf(ForbiddenAddressException.class)
                    .hasMessageContaining("loopback");
            assertNoConnection(tracker);
        }
    }

    @Test
    void aTrackerOnLoopbackIsAskedWhenLoopbackIsAllowed() throws Exception {
        URI url = serve("/announce", exchange -> answer(exchange, 200, ANSWER));

        AnnounceResponse response = new HttpTracker(
                        url, AddressPolicy.publicOnly().allowing("127.0.0.0/8"))
                .announce(HttpTrackerTest.request());

        assertThat(response.interval()).hasSeconds(900);
        assertThat(requests).hasValue(1);
    }

    @Test
    void aRedirectToAForbiddenAddressIsRefusedWithoutAConnection() throws Exception {
        // 127.0.0.2 is loopback as well (Linux answers the whole 127/8), but only 127.0.0.1 is allowed.
        try (ServerSocket internal = new ServerSocket(0, 8, InetAddress.getByName("127.0.0.2"))) {
            String target = "http://127.0.0.2:" + internal.getLocalPort() + "/latest/meta-data";
            URI url = serve("/announce", exchange -> {
                exchange.getResponseHeaders().add("Location", target);
                answer(exchange, 302, new byte[0]);
            });

            assertThatThrownBy(() -> new HttpTracker(
                                    url, AddressPolicy.publicOnly().allowing("127.0.0.1/32"))
                            .announce(HttpTrackerTest.request()))
                    .isInstanceOf(ForbiddenAddressException.class)
                    .hasMessageContaining("127.0.0.2 is a loopback address");
            assertThat(requests).as("the allowed tracker was asked").hasValue(1);
            assertNoConnection(internal);
        }
    }

    @Test
    void redirectsToAllowedAddressesAreFollowedABoundedNumberOfTimes() throws Exception {
        URI url = serve("/announce", exchange -> {
            exchange.getResponseHeaders().add("Location", "/moved?x=1");
            answer(exchange, 301, new byte[0]);
        });
        server.createContext("/moved", exchange -> answer(exchange, 200, ANSWER));
        server.createContext("/loop", exchange -> {
            exchange.getResponseHeaders().add("Location", "/loop");
            answer(exchange, 307, new byte[0]);
        });
        AddressPolicy loopback = AddressPolicy.publicOnly().allowing("127.0.0.0/8");

        assertThat(new HttpTracker(url, loopback)
                        .announce(HttpTrackerTest.request())
                        .interval())
                .hasSeconds(900);
        assertThatThrownBy(() -> new HttpTracker(url.resolve("/loop"), loopback).announce(HttpTrackerTest.request()))
                .hasMessageContaining("more than 5 redirects");
    }

    @Test
    void aUdpTrackerOnLoopbackIsRefusedByDefaultWithoutAPacket() throws Exception {
        try (DatagramSocket tracker = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            URI url = URI.create("udp://127.0.0.1:" + tracker.getLocalPort() + "/announce");

            assertThatThrownBy(
                            () -> new UdpTracker(url, AddressPolicy.publicOnly()).announce(HttpTrackerTest.request()))
                    .isInstanceOf(ForbiddenAddressException.class)
                    .hasMessageContaining("loopback");
            tracker.setSoTimeout(200);
            assertThatThrownBy(() -> tracker.receive(new DatagramPacket(new byte[100], 100)))
                    .as("no packet sent")
                    .isInstanceOf(SocketTimeoutException.class);
        }
    }

    /** A connection made would wait in the listening socket's backlog: none must be there. */
    private static void assertNoConnection(ServerSocket socket) throws Exception {
        socket.setSoTimeout(200);
        assertThatThrownBy(socket::accept).as("no connection made").isInstanceOf(SocketTimeoutException.class);
    }

    private URI serve(String path, com.sun.net.httpserver.HttpHandler handler) throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(path, exchange -> {
            requests.incrementAndGet();
            handler.handle(exchange);
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, byte[] body)
            throws java.io.IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
