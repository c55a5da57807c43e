package com.hypertube.web.client;

import com.hypertube.web.RequestId;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The one way a service calls out over HTTP (a provider such as TMDB or YTS, or another service): Spring's
 * {@link RestClient} on the JDK's client, with a connect and a read timeout always set (a provider that never
 * answers must not hold a request thread), no redirects followed (a provider's answer is never a hop to
 * somewhere the configuration did not name), our user agent, and the current request id passed on so one
 * request's lines can be found in every service's log.
 */
public final class OutboundHttp {

    public static final String USER_AGENT = "Hypertube/0.1 (+self-hosted)";

    private OutboundHttp() {}

    /** A client for one base address, with these timeouts. */
    public static RestClient client(URI baseUrl, Duration connectTimeout, Duration readTimeout) {
        HttpClient http = HttpClient.newBuilder()
                // Over plain HTTP (another service on loopback, a local fake) the JDK's client would otherwise open
                // every connection with an h2c upgrade request, a round trip's worth of headers no server here
                // takes up; over HTTPS, HTTP/2 is agreed in the TLS handshake at no cost.
                .version(
                        "http".equalsIgnoreCase(baseUrl.getScheme())
                                ? HttpClient.Version.HTTP_1_1
                                : HttpClient.Version.HTTP_2)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(readTimeout);
        return RestClient.builder()
                .baseUrl(baseUrl.toString())
                .requestFactory(requests)
                .defaultHeader("User-Agent", USER_AGENT)
                .requestInterceptor((request, body, execution) -> {
                    String requestId = RequestId.current();
                    if (requestId != null) {
                        request.getHeaders().set(RequestId.HEADER, requestId);
                    }
                    return execution.execute(request, body);
                })
                .build();
    }
}
