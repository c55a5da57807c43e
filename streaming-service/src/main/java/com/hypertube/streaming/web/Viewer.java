package com.hypertube.streaming.web;

import com.hypertube.web.AccessTokenFilter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.UUID;

/**
 * Who is asking, as verified: the subject of the access token (service-web's AccessTokenFilter checked it,
 * and that the gateway's X-User-Id agrees). An API client's token has no user. With the token check off
 * (tests, a developer's machine) the gateway's X-User-Id is taken as is, and without it there is nobody:
 * the lists are then not per user.
 */
public record Viewer(Optional<UUID> userId, boolean identified) {

    public static Viewer of(HttpServletRequest request) {
        Object subject = request.getAttribute(AccessTokenFilter.SUBJECT);
        String claimed = subject != null ? subject.toString() : request.getHeader("X-User-Id");
        if (claimed == null) {
            return new Viewer(Optional.empty(), false);
        }
        try {
            return new Viewer(Optional.of(UUID.fromString(claimed)), true);
        } catch (IllegalArgumentException notAUser) { // an API client: identified, but nobody's downloads
            return new Viewer(Optional.empty(), true);
        }
    }

    /** Whether this viewer may see or change what these users requested. */
    public boolean mayAccess(java.util.Collection<UUID> requesters) {
        return !identified || userId.map(requesters::contains).orElse(false);
    }
}
