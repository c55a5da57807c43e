package com.hypertube.streaming.cooldown;

import java.time.Instant;

/** A torrent refused until a time, and why. */
public record Cooldown(String infoHash, String reason, String detail, Instant until) {}
