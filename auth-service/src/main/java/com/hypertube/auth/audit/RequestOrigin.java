package com.hypertube.auth.audit;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Where a request came from, for the audit log and the throttle. The address is the client's as the
 * gateway saw it (forwarded headers are honoured only from trusted proxies: server.forward-headers-strategy).
 */
public record RequestOrigin(String ip, String userAgent) {

    public static RequestOrigin of(HttpServletRequest request) {
        return new RequestOrigin(request.getRemoteAddr(), truncate(request.getHeader("User-Agent"), 256));
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
