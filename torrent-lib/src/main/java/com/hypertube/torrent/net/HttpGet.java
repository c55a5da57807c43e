package com.hypertube.torrent.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One small HTTP(S) GET under an {@link AddressPolicy}: the host is resolved once and the socket connected
 * to the address the policy allowed (HttpURLConnection resolves again on its own, so a rebinding name would
 * slip past a check made beforehand), and redirects are followed here, each target checked anew, at most
 * {@link #MAX_REDIRECTS}, never from HTTPS down to HTTP. TLS is layered over that socket with the URL's host
 * name, so the certificate is checked against the name, not the address.
 */
public final class HttpGet {

    public static final int MAX_REDIRECTS = 5;

    static final int MAX_HEADER_BYTES = 64 * 1024;

    /** @param body at most the {@code maxBodyBytes} asked plus one, so that a caller can tell it was larger */
    public record Response(int status, byte[] body) {}

    private HttpGet() {}

    /**
     * Gets the URL. Every connect and read waits at most {@code timeout}, and the whole exchange, redirects
     * included, at most twice that.
     */
    public static Response get(URI url, AddressPolicy policy, Duration timeout, int maxBodyBytes, String userAgent)
            throws IOException {
        long deadline = System.nanoTime() + timeout.multipliedBy(2).toNanos();
        URI current = url;
        for (int redirects = 0; ; redirects++) {
            Raw raw = once(current, policy, timeout, deadline, maxBodyBytes, userAgent);
            String location = raw.headers().get("location");
            if (raw.status() < 300 || raw.status() > 399 || raw.status() == 304 || location == null) {
                return new Response(raw.status(), raw.body());
            }
            if (redirects == MAX_REDIRECTS) {
                throw new IOException("more than " + MAX_REDIRECTS + " redirects from " + url);
            }
            URI next = current.resolve(location.strip());
            String scheme = scheme(next);
            if (scheme.equals("http") && scheme(current).equals("https")) {
                throw new IOException("refused a redirect from HTTPS down to HTTP: " + next);
            }
            current = next;
        }
    }

    private record Raw(int status, Map<String, String> headers, byte[] body) {}

    private static Raw once(
            URI url, AddressPolicy policy, Duration timeout, long deadline, int maxBodyBytes, String userAgent)
            throws IOException {
        String scheme = scheme(url);
        String host = url.getHost();
        if (host == null) {
            throw new IOException("no host in " + url);
        }
        int port = url.getPort() > 0 ? url.getPort() : scheme.equals("https") ? 443 : 80;
        InetAddress address = policy.resolve(host);
        try (Socket socket = connect(address, host, port, scheme.equals("https"), timeout)) {
            OutputStream out = socket.getOutputStream();
            String target = (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath())
                    + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
            String request = "GET " + target + " HTTP/1.1\r\n"
                    + "Host: " + host + (url.getPort() > 0 ? ":" + url.getPort() : "") + "\r\n"
                    + "User-Agent: " + userAgent + "\r\n"
                    + "Accept-Encoding: identity\r\n"
                    + "Connection: close\r\n\r\n";
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = new DeadlineInputStream(socket, deadline, timeout);
            String statusLine = line(in);
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
                throw new IOException("not an HTTP answer: " + abbreviate(statusLine));
            }
            int status;
            try {
                status = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                throw new IOException("not an HTTP status: " + abbreviate(statusLine), e);
            }
            Map<String, String> headers = headers(in);
            byte[] body = body(in, headers, maxBodyBytes);
            return new Raw(status, headers, body);
        }
    }

    private static Socket connect(InetAddress address, String host, int port, boolean tls, Duration timeout)
            throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(address, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            if (!tls) {
                return socket;
            }
            SSLSocket secure = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault())
                    .createSocket(socket, host.replace("[", "").replace("]", ""), port, true);
            SSLParameters parameters = secure.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must name the host
            secure.setSSLParameters(parameters);
            secure.startHandshake();
            return secure;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private static Map<String, String> headers(InputStream in) throws IOException {
        Map<String, String> headers = new HashMap<>();
        int total = 0;
        String line;
        while (!(line = line(in)).isEmpty()) {
            total += line.length();
            if (total > MAX_HEADER_BYTES) {
                throw new IOException("HTTP headers larger than " + MAX_HEADER_BYTES + " bytes");
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(
                        line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).strip());
            }
        }
        return headers;
    }

    private static byte[] body(InputStream in, Map<String, String> headers, int max) throws IOException {
        if ("chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", ""))) {
            return chunked(in, max);
        }
        String length = headers.get("content-length");
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.strip());
            } catch (NumberFormatException e) {
                throw new IOException("bad Content-Length: " + abbreviate(length), e);
            }
            byte[] body = in.readNBytes((int) Math.min(declared, max + 1L));
            if (body.length < Math.min(declared, max + 1L)) {
                throw new IOException("the answer ended after " + body.length + " of " + declared + " bytes");
            }
            return body;
        }
        return in.readNBytes(max + 1); // until the server closes (Connection: close)
    }

    private static byte[] chunked(InputStream in, int max) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (body.size() <= max) {
            String sizeLine = line(in);
            int semicolon = sizeLine.indexOf(';');
            long size;
            try {
                size = Long.parseLong((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip(), 16);
            } catch (NumberFormatException e) {
                throw new IOException("bad chunk size: " + abbreviate(sizeLine), e);
            }
            if (size == 0) {
                return body.toByteArray();
            }
            byte[] chunk = in.readNBytes((int) Math.min(size, max + 1L - body.size()));
            body.writeBytes(chunk);
            if (chunk.length < size) {
                break; // over the cap, or the answer ended early
            }
            line(in); // the CRLF after the chunk
        }
        if (body.size() <= max) {
            throw new IOException("the chunked answer ended early");
        }
        return body.toByteArray();
    }

    /** A line ended by CRLF (or LF), without it; bounded. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new IOException("the answer ended in its headers");
            }
            if (line.size() >= MAX_HEADER_BYTES) {
                throw new IOException("an HTTP header line longer than " + MAX_HEADER_BYTES + " bytes");
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    private static String scheme(URI url) throws IOException {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IOException("not an HTTP URL: " + url);
        }
        return scheme;
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }

    /** Reads with each read's wait bounded by what is left of the whole exchange's time. */
    private static final class DeadlineInputStream extends InputStream {
        private final Socket socket;
        private final InputStream in;
        private final long deadline;
        private final int timeoutMillis;
        private final byte[] one = new byte[1];

        DeadlineInputStream(Socket socket, long deadline, Duration timeout) throws IOException {
            this.socket = socket;
            this.in = new java.io.BufferedInputStream(socket.getInputStream());
            this.deadline = deadline;
            this.timeoutMillis = (int) timeout.toMillis();
        }

        @Override
        public int read() throws IOException {
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] into, int at, int length) throws IOException {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                throw new SocketTimeoutException("the HTTP exchange took too long");
            }
            socket.setSoTimeout((int) Math.min(timeoutMillis, left));
            return in.read(into, at, length);
        }
    }
}
