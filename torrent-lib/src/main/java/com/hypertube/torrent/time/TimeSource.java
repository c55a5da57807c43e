package com.hypertube.torrent.time;

/** Time behind an interface, so that timeouts and choking rounds can be tested without sleeping. */
@FunctionalInterface
public interface TimeSource {

    TimeSource SYSTEM = System::currentTimeMillis;

    long millis();
}
