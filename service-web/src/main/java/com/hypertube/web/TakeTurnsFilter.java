package com.hypertube.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes a request's virtual thread give way once its work is done, before Tomcat writes the answer, so that under
 * load the connections take turns.
 *
 * <p>Why: a virtual thread is never preempted, and Tomcat, once it has answered, reads the connection's next
 * request on the same thread when it has already arrived — which, from a client as quick as the gateway's pooled
 * connections, under load it often has. A few connections then kept both carrier threads of a two-core machine
 * while the others' requests waited: through the gateway, a browse page's p99 was 5–7 times its p50
 * ({@code media-service/bench/catalog-bench.sh}: p99 64–85 ms against 44–50 ms with this filter, at the same
 * requests/s). {@link Thread#yield()} on a virtual thread puts it behind the work already waiting for a carrier
 * (new requests included), so each request goes through the queue once. On a platform thread (a test, or virtual
 * threads turned off) the operating system's scheduler shares the time already: nothing is done.
 */
public class TakeTurnsFilter extends OncePerRequestFilter {

    private final Runnable giveWay;

    public TakeTurnsFilter() {
        this(Thread::yield);
    }

    /** With another way of giving way than {@link Thread#yield()}, for tests. */
    TakeTurnsFilter(Runnable giveWay) {
        this.giveWay = giveWay;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, response);
        // An asynchronous request (a stream) is answered by another thread: this one has nothing left to hold.
        if (Thread.currentThread().isVirtual() && !request.isAsyncStarted()) {
            giveWay.run();
        }
    }
}
