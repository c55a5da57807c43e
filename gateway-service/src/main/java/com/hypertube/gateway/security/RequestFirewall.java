package com.hypertube.gateway.security;

import java.net.URI;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The rules of Spring Security's {@code StrictServerWebExchangeFirewall}, as it is configured by default, for
 * the request line: only the usual methods (no TRACE, no WebDAV), and no path that two parsers could read
 * differently — a {@code ;} (matrix parameters, {@code ..;/}), an encoded {@code /}, {@code \}, {@code .} or
 * {@code %}, a {@code //}, a NUL, CR or LF, a Unicode line or paragraph separator, or a {@code .} or {@code ..}
 * segment — checked on the raw path, on the URI's raw path and on its decoded path, as the firewall does. A
 * refused request is a bare {@code 400}, as the firewall answered. One scan of each string instead of the
 * firewall's {@code contains} per listed spelling; {@code RequestFirewallTest} holds the two to the same
 * answers.
 *
 * <p>The firewall's other rules: header names and values are checked by {@link HeaderCharacters} where the
 * guard reads them (Netty already refuses control characters in any header); host names and query
 * parameter values were allowed whatever they are.
 */
final class RequestFirewall {

    private static final Set<HttpMethod> ALLOWED_METHODS = Set.of(
            HttpMethod.DELETE,
            HttpMethod.GET,
            HttpMethod.HEAD,
            HttpMethod.OPTIONS,
            HttpMethod.PATCH,
            HttpMethod.POST,
            HttpMethod.PUT);

    private RequestFirewall() {}

    static boolean allows(ServerHttpRequest request) {
        if (!ALLOWED_METHODS.contains(request.getMethod())) {
            return false;
        }
        String path = request.getPath().value();
        URI uri = request.getURI();
        String rawPath = uri.getRawPath();
        String decodedPath = uri.getPath();
        return allowedEncoded(path) && allowedEncoded(rawPath) && allowedDecoded(decodedPath);
    }

    /**
     * A path as it came (percent-encoded): none of {@code ; \ NUL CR LF //}, none of {@code %3B %2F %5C %00 %0A
     * %0D %25 %2E} in either case, and normalized.
     */
    static boolean allowedEncoded(String path) {
        if (path == null) {
            return true;
        }
        for (int i = 0, length = path.length(); i < length; i++) {
            char c = path.charAt(i);
            switch (c) {
                case ';', '\\', '\0', '\n', '\r' -> {
                    return false;
                }
                case '/' -> {
                    if (i + 1 < length && path.charAt(i + 1) == '/') {
                        return false;
                    }
                }
                case '%' -> {
                    if (i + 2 < length && isForbiddenEscape(path.charAt(i + 1), path.charAt(i + 2))) {
                        return false;
                    }
                }
                default -> {}
            }
        }
        return isNormalized(path);
    }

    /**
     * A decoded path: none of {@code ; \ NUL CR LF // %}, no Unicode line or paragraph separator, and
     * normalized. (Every encoded spelling the firewall lists contains a {@code %}.)
     */
    static boolean allowedDecoded(String path) {
        if (path == null) {
            return true;
        }
        for (int i = 0, length = path.length(); i < length; i++) {
            char c = path.charAt(i);
            switch (c) {
                case ';', '\\', '\0', '\n', '\r', '%', '\u2028', '\u2029' -> {
                    return false;
                }
                case '/' -> {
                    if (i + 1 < length && path.charAt(i + 1) == '/') {
                        return false;
                    }
                }
                default -> {}
            }
        }
        return isNormalized(path);
    }

    // %3B ; %2F / %5C \ %00 NUL %0A LF %0D CR %25 % %2E . — upper or lower case, as the firewall lists them
    private static boolean isForbiddenEscape(char high, char low) {
        char l = Character.toLowerCase(low);
        return switch (high) {
            case '3' -> l == 'b';
            case '2' -> l == 'f' || l == '5' || l == 'e';
            case '5' -> l == 'c';
            case '0' -> l == '0' || l == 'a' || l == 'd';
            default -> false;
        };
    }

    /** No {@code .} or {@code ..} segment (the firewall's own loop). */
    private static boolean isNormalized(String path) {
        for (int i = path.length(); i > 0; ) {
            int slash = path.lastIndexOf('/', i - 1);
            int gap = i - slash;
            if (gap == 2 && path.charAt(slash + 1) == '.') {
                return false;
            }
            if (gap == 3 && path.charAt(slash + 1) == '.' && path.charAt(slash + 2) == '.') {
                return false;
            }
            i = slash;
        }
        return true;
    }
}
