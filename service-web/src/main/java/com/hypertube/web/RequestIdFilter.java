package com.hypertube.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/** Gives every request an id, echoes it in the response and puts it in the logging context. */
public class RequestIdFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = RequestId.acceptOrCreate(request.getHeader(RequestId.HEADER));
        response.setHeader(RequestId.HEADER, requestId);
        MDC.put(RequestId.MDC_KEY, requestId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(RequestId.MDC_KEY);
        }
    }

    // The error dispatch runs on the same thread after the MDC is cleared: keep the id there too.
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }
}
