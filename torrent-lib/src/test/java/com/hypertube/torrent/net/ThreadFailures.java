package com.hypertube.torrent.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test when an exception escaped one of the engine's threads during it, or the engine logged a
 * warning or an error (System.Logger and java.util.logging both end in {@code com.hypertube.torrent}'s JUL
 * logger): a test that ends byte-exact can still hide a thread that died on the way.
 */
public final class ThreadFailures implements BeforeEachCallback, AfterEachCallback {

    private static final Logger ENGINE = Logger.getLogger("com.hypertube.torrent");

    private final List<String> failures = new CopyOnWriteArrayList<>();
    private Thread.UncaughtExceptionHandler previous;

    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                failures.add("logged " + record.getLevel() + ": " + record.getMessage()
                        + (record.getThrown() == null ? "" : " (" + record.getThrown() + ")"));
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @Override
    public void beforeEach(ExtensionContext context) {
        failures.clear();
        previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler(
                (thread, e) -> failures.add("uncaught in " + thread.getName() + ": " + e));
        ENGINE.addHandler(handler);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        ENGINE.removeHandler(handler);
        Thread.setDefaultUncaughtExceptionHandler(previous);
        assertThat(failures)
                .as("exceptions escaping threads, warnings and errors logged")
                .isEmpty();
    }
}
