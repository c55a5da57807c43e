package com.hypertube.web;

import com.hypertube.contract.IdentityHeaders;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.http.server.PathContainer;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Defence in depth: a service checks who is asking itself, as the gateway did, so a request that reaches it
 * some other way (a misrouted port, a compromised neighbour) carries no identity it did not prove.
 *
 * <p>Everything is guarded but an explicit list of public paths (health, metrics, API docs, and what a service
 * adds in {@code hypertube.security.public-paths}). The list is matched against the decoded, normalised path
 * — the one Spring MVC routes on — and odd spellings that could make the two disagree ({@code ;} parameters,
 * encoded slashes or dots, {@code //}, {@code /./}, {@code ..}, backslashes) are refused first by Spring
 * Security's strict firewall with a 400 problem. A request that is not public needs a {@link Caller}, from a
 * verified token (or, in the services' own tests, from the identity headers); a read-only API client may only
 * GET and HEAD.
 */
public class AccessTokenFilter extends OncePerRequestFilter {

    /** What every service leaves open: probes, metrics for the scraper, API docs, the error page. */
    public static final List<String> DEFAULT_PUBLIC_PATHS = List.of(
            "/actuator/health",
            "/actuator/health/**",
            "/actuator/info",
            "/actuator/prometheus",
            "/v3/api-docs",
            "/v3/api-docs/**",
            "/swagger-ui.html",
            "/swagger-ui/**",
            "/error");

    private static final UrlPathHelper DECODED_PATH = new UrlPathHelper();

    static {
        DECODED_PATH.setUrlDecode(true);
        DECODED_PATH.setRemoveSemicolonContent(true);
    }

    private final StrictHttpFirewall firewall = new StrictHttpFirewall();
    private final Function<HttpServletRequest, Optional<Caller>> identify;
    private final List<PathPattern> publicPaths;
    private final String serviceName;

    /**
     * @param identify who a request's credentials say is asking (a verified token, or trusted headers in tests)
     * @param publicPaths the paths anyone may reach, as Spring path patterns
     */
    public AccessTokenFilter(
            Function<HttpServletRequest, Optional<Caller>> identify, List<String> publicPaths, String serviceName) {
        this.identify = identify;
        this.publicPaths = publicPaths.stream()
                .map(path -> PathPatternParser.defaultInstance.parse(path))
                .toList();
        this.serviceName = serviceName;
    }

    /** Identity from a verified token; {@code X-User-Id}, when present, must name the token's user. */
    public static Function<HttpServletRequest, Optional<Caller>> fromToken(TokenVerifier verifier) {
        return request ->
                AccessTokens.of(request).flatMap(verifier::verify).filter(caller -> agreesWithGateway(request, caller));
    }

    /** Identity from the gateway's headers, unverified: for a service's own tests only. */
    public static Function<HttpServletRequest, Optional<Caller>> fromTrustedHeaders() {
        return TrustedHeaders::identify;
    }

    private static boolean agreesWithGateway(HttpServletRequest request, Caller caller) {
        String forwarded = request.getHeader(IdentityHeaders.USER_ID);
        return forwarded == null
                || caller.userId().map(id -> id.toString().equals(forwarded)).orElse(false);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpServletRequest checked;
        try {
            checked = firewall.getFirewalledRequest(request);
        } catch (RequestRejectedException e) {
            problem(
                    request,
                    response,
                    400,
                    ProblemTypes.BAD_REQUEST,
                    "Bad Request",
                    "This request's path or headers are not in a form the service accepts.");
            return;
        }
        if ("OPTIONS".equals(checked.getMethod()) || isPublic(checked)) {
            chain.doFilter(checked, response);
            return;
        }
        // The request as it came: its token and identity header are checked character by character where they
        // are read (AccessTokens, a UUID's exact text), cheaper than the firewall's regular expression per header.
        Optional<Caller> caller = identify.apply(request);
        if (caller.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"hypertube\"");
            problem(
                    request,
                    response,
                    401,
                    ProblemTypes.UNAUTHORIZED,
                    "Unauthorized",
                    "Sign in first: this needs a valid access token.");
            return;
        }
        boolean read = "GET".equals(checked.getMethod()) || "HEAD".equals(checked.getMethod());
        if (!read && !caller.get().mayWrite()) {
            problem(
                    request,
                    response,
                    403,
                    ProblemTypes.FORBIDDEN,
                    "Forbidden",
                    "This token may only read: sign in as a user to change anything.");
            return;
        }
        checked.setAttribute(Caller.ATTRIBUTE, caller.get());
        chain.doFilter(checked, response);
    }

    boolean isPublic(HttpServletRequest request) {
        PathContainer path = PathContainer.parsePath(DECODED_PATH.getPathWithinApplication(request));
        for (PathPattern pattern : publicPaths) {
            if (pattern.matches(path)) {
                return true;
            }
        }
        return false;
    }

    private void problem(
            HttpServletRequest request,
            HttpServletResponse response,
            int status,
            java.net.URI type,
            String title,
            String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        String body = "{\"type\":\"" + type + "\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\",\"instance\":\""
                + request.getRequestURI().replaceAll("[^A-Za-z0-9/._~-]", "") + "\",\"service\":\"" + serviceName
                + "\",\"requestId\":\"" + String.valueOf(RequestId.current()).replaceAll("[^A-Za-z0-9._-]", "") + "\"}";
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }
}
