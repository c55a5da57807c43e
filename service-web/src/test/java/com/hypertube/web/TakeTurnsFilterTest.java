package com.hypertube.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** A request's virtual thread gives way once its work is done; other threads, and asynchronous requests, do not. */
class TakeTurnsFilterTest {

    private final List<String> steps = new CopyOnWriteArrayList<>();
    private final TakeTurnsFilter filter = new TakeTurnsFilter(() -> steps.add("gave way"));

    @Test
    void aVirtualThreadGivesWayOnceAfterTheRequestsWork() throws Exception {
        Thread.ofVirtual()
                .start(() -> handle(new MockHttpServletRequest("GET", "/api/movies")))
                .join();

        assertThat(steps).containsExactly("answered", "gave way");
    }

    @Test
    void aPlatformThreadLeavesTheSharingToTheOperatingSystem() throws Exception {
        Thread.ofPlatform()
                .start(() -> handle(new MockHttpServletRequest("GET", "/api/movies")))
                .join();

        assertThat(steps).containsExactly("answered");
    }

    @Test
    void anAsynchronousRequestIsAnsweredElsewhereSoItsThreadDoesNotWait() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/stream/x");
        request.setAsyncSupported(true);

        Thread.ofVirtual()
                .start(() -> {
                    try {
                        filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> {
                            req.startAsync();
                            steps.add("answered");
                        });
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .join();

        assertThat(steps).containsExactly("answered");
    }

    private void handle(MockHttpServletRequest request) {
        try {
            filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> steps.add("answered"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
