package com.hypertube.streaming.debug;

import com.hypertube.streaming.torrent.TorrentEngine;
import com.hypertube.torrent.session.TorrentHandle;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import org.springframework.stereotype.Component;

/**
 * The service's own metrics, on /actuator/prometheus: torrents and streams running, bytes down and up,
 * time to the first byte of a stream (histogram), and stalls (a read that timed out waiting for pieces).
 */
@Component
public class StreamingMetrics {

    private final AtomicInteger activeStreams = new AtomicInteger();
    private final Timer timeToFirstByte;
    private final Counter stalls;

    StreamingMetrics(MeterRegistry registry, TorrentEngine engine) {
        Gauge.builder("hypertube.torrents.active", engine, e -> e.torrents().size())
                .description("Torrents the engine runs")
                .register(registry);
        Gauge.builder("hypertube.streams.active", activeStreams, AtomicInteger::get)
                .description("Stream responses being written")
                .register(registry);
        FunctionCounter.builder("hypertube.torrent.bytes.downloaded", engine, sum(status -> status.status()
                        .downloadedBytes()))
                .baseUnit("bytes")
                .register(registry);
        FunctionCounter.builder("hypertube.torrent.bytes.uploaded", engine, sum(status -> status.status()
                        .uploadedBytes()))
                .baseUnit("bytes")
                .register(registry);
        timeToFirstByte = Timer.builder("hypertube.stream.first.byte")
                .description("From a stream request to its first byte")
                .publishPercentileHistogram()
                .register(registry);
        stalls = Counter.builder("hypertube.stream.stalls")
                .description("Stream reads that timed out waiting for pieces")
                .register(registry);
    }

    // Counters of torrents that were removed go back down: acceptable for a rate, noted in the README.
    private static ToDoubleFunction<TorrentEngine> sum(ToLongFunction<TorrentHandle> bytes) {
        return engine -> engine.torrents().stream().mapToLong(bytes).sum();
    }

    public void streamStarted() {
        activeStreams.incrementAndGet();
    }

    public void streamEnded() {
        activeStreams.decrementAndGet();
    }

    public void firstByte(Duration sinceRequest) {
        timeToFirstByte.record(sinceRequest);
    }

    public void stalled() {
        stalls.increment();
    }
}
