package com.hypertube.media.library;

/**
 * When a film or episode counts as watched, and when it is worth resuming — Jellyfin's defaults: under 5 % is
 * "not really started" (no resume point), from 90 % on it is watched (the credits need not be sat through).
 */
final class WatchThresholds {

    static final double RESUME_FROM = 0.05;
    static final double WATCHED_FROM = 0.90;

    private WatchThresholds() {}

    static boolean watched(int positionSeconds, int durationSeconds) {
        return positionSeconds >= durationSeconds * WATCHED_FROM;
    }
}
